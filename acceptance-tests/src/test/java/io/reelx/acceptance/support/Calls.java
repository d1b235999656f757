package io.reelx.acceptance.support;

import io.reelx.client.ApiException;

/** Calls to the exchange that a scenario expects to succeed: a refusal fails the step, loudly. */
public final class Calls {

  private Calls() {}

  @FunctionalInterface
  public interface ApiCall<T> {
    T call() throws ApiException;
  }

  /** Runs a call that may be refused and tells what came of it. */
  public static <T> Outcome attempt(ApiCall<T> call) {
    try {
      return Outcome.success(call.call());
    } catch (ApiException e) {
      return Outcome.of(e);
    }
  }

  public static <T> T expectSuccess(String what, ApiCall<T> call) {
    try {
      return call.call();
    } catch (ApiException e) {
      throw new AssertionError(what + " was refused: " + Outcome.of(e), e);
    }
  }
}
