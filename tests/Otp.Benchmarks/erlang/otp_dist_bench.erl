%% The BEAM side of the distribution benchmark (docs/benchmarks.md, "Distribution"). Two roles,
%% each an erl node started by the harness with -sname, a cookie and loopback only:
%%   peer   - the node that is measured against: an echo process and a counting sink, found
%%            through the registered process `bench`;
%%   driver - the node that measures: reads commands on standard input, one per line, and
%%            answers each with one line, so the harness can alternate it with the C# driver
%%            repetition by repetition.
%% Both halt when their standard input closes, so the harness never leaves a node behind.
%% The C# twin is tests/Otp.Benchmarks/Benchmarks/DistributionWorkload.cs.
-module(otp_dist_bench).
-export([peer/0, driver/0]).

-define(WAIT, 120000).

peer() ->
    Echo = spawn(fun echo/0),
    Sink = spawn(fun() -> sink(0) end),
    register(bench, spawn(fun() -> hello(Echo, Sink) end)),
    io:format("up~n"),
    until_eof().

hello(Echo, Sink) ->
    receive {hello, From} -> From ! {bench_pids, Echo, Sink} end,
    hello(Echo, Sink).

echo() ->
    receive {From, N} -> From ! N end,
    echo().

sink(N) ->
    receive
        {done, From} -> From ! {count, N}, sink(0);
        {msg, _} -> sink(N + 1)
    end.

until_eof() ->
    case io:get_line("") of
        eof -> halt();
        _ -> until_eof()
    end.

%% Commands: "connect NODE" -> "ok"; "rtt NODE N" -> "us MICROSECONDS" for N round trips;
%% "oneway NODE M" -> "us MICROSECONDS" for M messages and the sink's count.
driver() ->
    io:format("up~n"),
    driver(#{}).

driver(Peers) ->
    case io:get_line("") of
        eof -> halt();
        Line ->
            case string:lexemes(string:trim(Line), " ") of
                ["connect", Name] ->
                    Node = list_to_atom(Name),
                    pong = net_adm:ping(Node),
                    {bench, Node} ! {hello, self()},
                    receive
                        {bench_pids, Echo, Sink} ->
                            io:format("ok~n"),
                            driver(Peers#{Node => {Echo, Sink}})
                    after ?WAIT -> halt(3)
                    end;
                ["rtt", Name, Count] ->
                    {Echo, _} = maps:get(list_to_atom(Name), Peers),
                    {Us, ok} = timer:tc(fun() -> rtt(Echo, list_to_integer(Count)) end),
                    io:format("us ~b~n", [Us]),
                    driver(Peers);
                ["oneway", Name, Count] ->
                    {_, Sink} = maps:get(list_to_atom(Name), Peers),
                    M = list_to_integer(Count),
                    {Us, ok} = timer:tc(fun() -> oneway(Sink, M) end),
                    io:format("us ~b~n", [Us]),
                    driver(Peers)
            end
    end.

rtt(_, 0) -> ok;
rtt(Echo, N) ->
    Echo ! {self(), N},
    receive N -> rtt(Echo, N - 1) after ?WAIT -> halt(4) end.

oneway(Sink, M) ->
    send(Sink, M),
    Sink ! {done, self()},
    receive {count, M} -> ok after ?WAIT -> halt(5) end.

send(_, 0) -> ok;
send(Sink, I) -> Sink ! {msg, I}, send(Sink, I - 1).
