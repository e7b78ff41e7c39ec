#!/usr/bin/env escript
%% Signals from one process arrive in the order it sent them: the messages a process sends
%% before it ends come before its 'EXIT' (to a linked process that traps exits) and before its
%% 'DOWN' (to a monitoring process).
-include("../scenario.hrl").
main(_) ->
    process_flag(trap_exit, true),
    Self = self(),
    P = spawn_link(fun() -> receive go -> Self ! one, Self ! two, exit(done) end end),
    P ! go,
    await_queued(3),
    io:format("linked: ~s~n", [show([kind(M) || M <- drain()])]),
    {Q, _} = spawn_monitor(fun() -> receive go -> Self ! one, Self ! two end end),
    Q ! go,
    await_queued(3),
    io:format("monitoring: ~s~n", [show([kind(M) || M <- drain()])]).

kind({'EXIT', _, Reason}) -> {'EXIT', Reason};
kind({'DOWN', _, process, _, Reason}) -> {'DOWN', Reason};
kind(M) -> M.
