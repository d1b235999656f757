package io.reelx.exchange.architecture.planted.listing.domain;

import io.reelx.exchange.architecture.planted.rights.domain.Window;
import io.reelx.exchange.architecture.planted.shared.domain.Kernel;
import java.util.List;

/** Within the allow-list: the JDK, the shared kernel, a domain of a context it may use. */
public record PlainJava(List<Window> windows, Kernel kernel) {}
