package io.reelx.exchange.rights.api;

import io.reelx.api.model.Media;
import io.reelx.exchange.rights.domain.MediaSet;
import io.reelx.exchange.rights.domain.RightsWindow;
import io.reelx.exchange.rights.domain.WindowTerms;
import java.util.List;

/** Rights windows between the API documents and the domain. */
public final class WindowMapping {

  private WindowMapping() {}

  public static RightsWindow parse(String prefix, io.reelx.api.model.RightsWindow w) {
    return WindowTerms.parse(prefix, w.getTerritories(), names(w.getMedia()), w.getLanguages(),
        w.getTermStart(), w.getTermEnd());
  }

  public static List<String> names(List<Media> media) {
    return media == null ? null : media.stream().map(Media::name).toList();
  }

  public static List<Media> compact(MediaSet media) {
    return media.compact().stream().map(m -> Media.valueOf(m.name())).toList();
  }

  public static io.reelx.api.model.RightsWindow toApi(RightsWindow window, boolean exclusive, boolean sublicensable) {
    return new io.reelx.api.model.RightsWindow(List.copyOf(window.territories().codes()), compact(window.media()),
            List.copyOf(window.languages().codes()), window.term().start(), window.term().end())
        .exclusive(exclusive)
        .sublicensable(sublicensable);
  }
}
