#!/usr/bin/env escript
%% A process that both links to and monitors a process that ends gets the link's 'EXIT' before
%% the monitor's 'DOWN' (how the BEAM sends them; Erlang orders signals from one sender).
-include("../scenario.hrl").
main(_) ->
    process_flag(trap_exit, true),
    P = spawn(fun() -> receive go -> exit(boom) end end),
    Ref = monitor(process, P),
    link(P),
    P ! go,
    await_queued(2),
    io:format("~s~n", [show([element(1, M) || M <- drain()])]),
    _ = Ref.
