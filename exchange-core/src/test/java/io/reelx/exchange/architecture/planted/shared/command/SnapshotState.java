package io.reelx.exchange.architecture.planted.shared.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

/** Uses Jackson like main's SnapshotState, which is a listed exception: not reported. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public @interface SnapshotState {}
