package io.reelx.exchange.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelx.exchange.listing.command.SubmitListing;
import io.reelx.exchange.listing.domain.ListingId;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.Test;

class CachedCommandTargetResolverTest {

  private final CachedCommandTargetResolver resolver = new CachedCommandTargetResolver();

  record Rename(@TargetAggregateIdentifier String id, String name) {}

  record Unaddressed(String id) {}

  static final class Legacy {
    @TargetAggregateIdentifier private final String target = "legacy-1";
  }

  @Test
  void finds_the_same_target_and_version_as_axons_resolver() {
    var submit = GenericCommandMessage.asCommandMessage(new SubmitListing(new ListingId("L-1"), null, 7L));
    var axon = AnnotationCommandTargetResolver.builder().build();

    assertThat(resolver.resolveTarget(submit)).isEqualTo(axon.resolveTarget(submit));
    assertThat(resolver.resolveTarget(submit).getVersion()).isEqualTo(7L);
    var rename = GenericCommandMessage.asCommandMessage(new Rename("user-9", "x"));
    assertThat(resolver.resolveTarget(rename)).isEqualTo(axon.resolveTarget(rename));
    assertThat(resolver.resolveTarget(rename).getVersion()).isNull();
  }

  @Test
  void reads_an_annotated_field() {
    assertThat(resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new Legacy())).getIdentifier())
        .isEqualTo("legacy-1");
  }

  @Test
  void a_command_without_a_target_or_with_a_null_one_is_refused() {
    assertThatThrownBy(() -> resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new Unaddressed("x"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unaddressed");
    assertThatThrownBy(() -> resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new Rename(null, "x"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Rename");
  }
}
