package io.reelx.exchange.rights.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelx.exchange.rights.domain.WindowTerms;
import io.reelx.exchange.shared.domain.InvalidValue;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredWindowsTest {

  @Test
  void reads_postgresql_text_arrays() {
    assertThat(StoredWindows.elements("{}")).isEmpty();
    assertThat(StoredWindows.elements("{CN}")).containsExactly("CN");
    assertThat(StoredWindows.elements("{CN,JP,US}")).containsExactly("CN", "JP", "US");
    assertThat(StoredWindows.elements("{\"a,b\",\"\",\"x\\\"y\\\\z\",c}"))
        .containsExactly("a,b", "", "x\"y\\z", "c");
    assertThat(StoredWindows.elements("{NULL,\"NULL\"}")).isEqualTo(Arrays.asList(null, "NULL"));
    assertThatThrownBy(() -> StoredWindows.elements("CN")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parses_as_the_stored_window_terms_do_and_remembers_each_list() {
    StoredWindows windows = new StoredWindows();
    LocalDate start = LocalDate.of(2027, 1, 1);
    LocalDate end = LocalDate.of(2027, 12, 31);
    var first = windows.window("{CN,JP}", "{AVOD,SVOD}", "{en,zh}", start, end);
    assertThat(first).isEqualTo(new WindowTerms(List.of("CN", "JP"), List.of("AVOD", "SVOD"), List.of("en", "zh"),
        start, end).toWindow());
    var second = windows.window("{CN,JP}", "{AVOD,SVOD}", "{en,zh}", start, end.plusDays(1));
    assertThat(second.territories()).isSameAs(first.territories());
    assertThat(second.media()).isSameAs(first.media());
    assertThat(second.languages()).isSameAs(first.languages());
    assertThatThrownBy(() -> windows.window("{XX}", "{SVOD}", "{en}", start, end)).isInstanceOf(InvalidValue.class);
  }
}
