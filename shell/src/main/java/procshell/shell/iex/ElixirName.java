package procshell.shell.iex;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The Elixir module name a facade class stands for, when its Java name differs
 * ({@code ElixirString} is {@code String}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ElixirName {
    /** The Elixir module name, e.g. {@code "String"}. */
    String value();

    /** The OTP application the module belongs to, as stack lines name it: {@code (logger 1.14.0)}. */
    String app() default "elixir";
}
