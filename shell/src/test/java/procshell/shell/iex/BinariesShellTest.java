package procshell.shell.iex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import procshell.shell.console.PipedSession;

/**
 * Binaries and bitstrings as a person meets them at the prompt: {@code <<>>} patterns in
 * function heads, printing (IO.inspect, iex's pretty printing of long binaries), IO.puts of
 * bytes that are no UTF-8, binary comprehensions and the external term format. Every expected
 * line is what a piped iex 1.14 printed for the same inputs (run with {@code -Dprocshell.oracle=iex}
 * to check them against a real iex).
 */
@Timeout(60)
class BinariesShellTest {

    @Test
    void functionHeadsMatchBinaries() {
        List<List<String>> out = PipedSession.outputs(
                "defmodule Packet do",
                "  def parse(<<len::16, body::binary-size(len), rest::binary>>), do: {:ok, body, rest}",
                "  def parse(<<_::binary>> = data), do: {:more, byte_size(data)}",
                "  def kind(<<\"GET \", path::binary>>), do: {:get, path}",
                "  def kind(\"POST \" <> path), do: {:post, path}",
                "  def kind(_), do: :unknown",
                "end",
                "Packet.parse(<<0, 3, \"abcde\">>)",
                "Packet.parse(<<0, 9, \"ab\">>)",
                "Packet.parse(<<0, 2, 255, 254>>)",
                "Packet.kind(\"GET /index\")",
                "Packet.kind(\"POST /form\")",
                "Packet.kind(<<255>>)",
                "<<a::binary-size(2), rest::binary>> = <<1, 255, 3>>",
                "rest");
        assertEquals(List.of(
                List.of("{:module, Packet, <<...>>, {:kind, 1}}"),
                List.of("{:ok, \"abc\", \"de\"}"),
                List.of("{:more, 4}"),
                List.of("{:ok, <<255, 254>>, \"\"}"),
                List.of("{:get, \"/index\"}"),
                List.of("{:post, \"/form\"}"),
                List.of(":unknown"),
                List.of("<<1, 255, 3>>"),
                List.of("<<3>>")), out.subList(0, 9));
    }

    @Test
    void printingAsIex() {
        List<List<String>> out = PipedSession.outputs(
                "IO.inspect(<<255>>)",
                "IO.inspect(<<0, 1::size(1)>>, label: \"bits\")",
                ":binary.copy(<<1, 2, 3>>, 12)",
                "String.duplicate(<<255>>, 30)",
                "IO.puts(<<104, 255, 105>>)",
                "IO.puts(\"ok\")");
        assertEquals(List.of(
                List.of("<<255>>", "<<255>>"),
                List.of("bits: <<0, 1::size(1)>>", "<<0, 1::size(1)>>"),
                List.of("<<1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2,",
                        "  3, 1, 2, 3, 1, 2, 3, 1, 2, 3>>"),
                List.of("<<255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,",
                        "  255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255>>"),
                List.of("** (ArgumentError) errors were found at the given arguments:", "",
                        "  * 2nd argument: not valid character data (an iodata term)", "",
                        "    (stdlib 4.2) io.erl:99: :io.put_chars(:standard_io, [<<104, 255, 105>>, 10])"),
                List.of("ok", ":ok")), out);
    }

    @Test
    void comprehensionsOverAndIntoBinaries() {
        List<List<String>> out = PipedSession.outputs(
                "for <<c <- \"abc\">>, do: c",
                "for <<r::4, g::4 <- <<0x12, 0x34>> >>, do: {r, g}",
                "for x <- [104, 105], into: <<>>, do: <<x>>",
                "for <<c <- <<1, 2, 3>> >>, into: \"\", do: <<c + 96>>",
                "for <<c <- :a>>, do: c",
                ":erlang.binary_to_term(:erlang.term_to_binary({:ok, <<255>>, <<1::3>>}))");
        assertEquals(List.of(
                List.of("'abc'"),
                List.of("[{1, 2}, {3, 4}]"),
                List.of("\"hi\""),
                List.of("\"abc\""),
                List.of("** (ErlangError) Erlang error: {:bad_generator, :a}", ""),
                List.of("{:ok, <<255>>, <<1::size(3)>>}")), out);
    }

    @Test
    void tcpBytesReachTheShellAsBinariesAndLongLinesAreRefused() {
        List<List<String>> out = PipedSession.outputs(
                "{:ok, l} = :gen_tcp.listen(0, [:binary, packet: :line, active: false, packet_size: 10])",
                "{:ok, port} = :inet.port(l)",
                "{:ok, c} = :gen_tcp.connect({127, 0, 0, 1}, port, [:binary])",
                "{:ok, s} = :gen_tcp.accept(l)",
                ":gen_tcp.send(c, <<1, 255, 10>>)",
                "{:ok, data} = :gen_tcp.recv(s, 0); {data, is_binary(data)}",
                ":inet.getopts(s, [:packet_size, :buffer])",
                ":gen_tcp.send(c, String.duplicate(\"y\", 30) <> \"\\n\")",
                ":gen_tcp.recv(s, 0)",
                ":gen_tcp.recv(s, 0)");
        assertEquals(List.of(
                List.of(":ok"),
                List.of("{<<1, 255, 10>>, true}"),
                List.of("{:ok, [packet_size: 10, buffer: 1460]}"),
                List.of(":ok"),
                List.of("{:error, :emsgsize}"),
                List.of("{:error, :enotconn}")), out.subList(4, 10));
    }
}
