package procshell.runtime.otp;

import procshell.runtime.node.Atom;

/**
 * A supervisor's flags, as the options of Elixir's {@code Supervisor.start_link(children,
 * strategy: ..., max_restarts: 3, max_seconds: 5)} (OTP's {@code #{strategy, intensity, period}}).
 * Values are checked when the supervisor starts; bad ones make it fail with
 * {@code {:error, {:supervisor_data, {:invalid_strategy | :invalid_intensity | :invalid_period, v}}}}.
 *
 * @param strategy    {@code :one_for_one}, {@code :one_for_all} or {@code :rest_for_one}
 * @param maxRestarts the most restarts allowed within {@code maxSeconds} (intensity, >= 0)
 * @param maxSeconds  the window in seconds (period, > 0)
 */
public record SupervisorFlags(Atom strategy, int maxRestarts, int maxSeconds) {
    /** {@code :one_for_one}. */
    public static final Atom ONE_FOR_ONE = Atom.of("one_for_one");
    /** {@code :one_for_all}. */
    public static final Atom ONE_FOR_ALL = Atom.of("one_for_all");
    /** {@code :rest_for_one}. */
    public static final Atom REST_FOR_ONE = Atom.of("rest_for_one");

    /** {@code strategy} with Elixir's defaults: 3 restarts in 5 seconds. */
    public static SupervisorFlags of(Atom strategy) {
        return new SupervisorFlags(strategy, 3, 5);
    }

    /** {@code strategy: :one_for_one, max_restarts: 3, max_seconds: 5}. */
    public static SupervisorFlags oneForOne() {
        return of(ONE_FOR_ONE);
    }

    /** These flags with another intensity: {@code max_restarts} within {@code max_seconds}. */
    public SupervisorFlags withIntensity(int restarts, int seconds) {
        return new SupervisorFlags(strategy, restarts, seconds);
    }
}
