package io.reelx.exchange.rights.ema.command;

import io.reelx.exchange.rights.command.RecordHolding;
import io.reelx.exchange.rights.command.RegisterTitle;
import io.reelx.exchange.rights.domain.Holding;
import io.reelx.exchange.rights.domain.HoldingId;
import io.reelx.exchange.rights.domain.TitleId;
import io.reelx.exchange.rights.ema.domain.AvailsFileRefused;
import io.reelx.exchange.rights.ema.domain.HolderCatalogue;
import io.reelx.exchange.rights.ema.domain.ImportPlan;
import io.reelx.exchange.rights.ema.domain.ImportPlanner;
import io.reelx.exchange.rights.ema.domain.RawRow;
import io.reelx.exchange.rights.ema.domain.WindowKey;
import io.reelx.exchange.rights.query.HoldingView;
import io.reelx.exchange.rights.query.RightsRegister;
import io.reelx.exchange.rights.query.TitleView;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a holder's avails file: plans every row first (all problems reported together), then, if
 * none and this is not a dry run, registers the new titles and records the holdings through the
 * title aggregate in one transaction, each with the file's SHA-256 as evidence. Holding ids are
 * derived from the file, the title and the window, so a replayed import cannot record twice.
 */
@Service
public class HoldingsImport {

  private final CommandGateway commands;
  private final RightsRegister register;

  public HoldingsImport(CommandGateway commands, RightsRegister register) {
    this.commands = commands;
    this.register = register;
  }

  public record Outcome(ImportPlan plan, Map<String, TitleId> registeredTitles, boolean recorded) {}

  /**
   * {@code read} feeds the file's rows to the planner; {@code fileName} goes into the evidence note.
   * Refuses the whole file with every row error when any row is invalid.
   */
  @Transactional
  public Outcome run(String organizationId, String sha256, String fileName, boolean dryRun,
      Consumer<Consumer<RawRow>> read) {
    ImportPlanner planner = new ImportPlanner(catalogue(organizationId));
    read.accept(planner::accept);
    ImportPlan plan = planner.plan();
    if (!plan.valid()) {
      throw new AvailsFileRefused("invalid-rows", plan.errors().size() + " rows of the file are invalid; nothing"
          + " was recorded", plan.errors());
    }
    if (dryRun) {
      return new Outcome(plan, Map.of(), false);
    }
    Map<String, TitleId> created = new HashMap<>();
    for (ImportPlan.NewTitle t : plan.newTitles()) {
      TitleId id = new TitleId(UUID.nameUUIDFromBytes((organizationId + "|" + sha256 + "|" + t.key())
          .getBytes(StandardCharsets.UTF_8)).toString());
      if (register.title(id).isEmpty()) {
        commands.sendAndWait(new RegisterTitle(id, organizationId, t.name(), t.originalName(), t.kind(), t.episodes(),
            t.minutesPerEpisode(), t.originalLanguage(), t.productionYear(), null));
      }
      created.put(t.key(), id);
    }
    String note = "imported from avails file " + fileName + " (SHA-256 " + sha256 + ")";
    for (ImportPlan.PlannedHolding h : plan.holdings()) {
      TitleId title = h.titleId() != null ? h.titleId() : created.get(h.newTitleKey());
      HoldingId id = new HoldingId(UUID.nameUUIDFromBytes((sha256 + "|" + title.value() + "|"
          + WindowKey.of(h.window(), h.exclusive(), h.sublicensable())).getBytes(StandardCharsets.UTF_8)).toString());
      commands.sendAndWait(new RecordHolding(title, organizationId,
          new Holding(id, h.window(), h.exclusive(), h.sublicensable(), sha256),
          note.length() > 1000 ? note.substring(0, 1000) : note));
    }
    return new Outcome(plan, created, true);
  }

  /**
   * The holder's titles, read once (ids and names; a file names titles row after row, and a lookup per
   * row would let a large file cost as many queries); holdings are read when a row names the title.
   */
  private HolderCatalogue catalogue(String organizationId) {
    Map<String, TitleView> byId = new HashMap<>();
    Map<String, List<TitleView>> byName = new HashMap<>();
    for (int page = 0; ; page++) {
      RightsRegister.Page<TitleView> titles = register.titles(organizationId, null, page, 500);
      for (TitleView t : titles.items()) {
        byId.put(t.id().value(), t);
        byName.computeIfAbsent(t.name(), k -> new java.util.ArrayList<>()).add(t);
      }
      if (titles.items().size() < 500) {
        break;
      }
    }
    return new HolderCatalogue() {
      @Override
      public Optional<ExistingTitle> byId(String titleId) {
        return Optional.ofNullable(byId.get(titleId)).map(this::existing);
      }

      @Override
      public List<ExistingTitle> byName(String name) {
        return byName.getOrDefault(name, List.of()).stream().map(this::existing).toList();
      }

      private ExistingTitle existing(TitleView t) {
        return new ExistingTitle(t.id(), t.name(), register.holdings(t.id()).stream().map(HoldingView::holding)
            .toList());
      }
    };
  }
}
