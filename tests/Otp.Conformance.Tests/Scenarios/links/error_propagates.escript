#!/usr/bin/env escript
%% When a linked process ends abnormally, a partner that does not trap exits ends too, with the
%% same reason.
-include("../scenario.hrl").
main(_) ->
    report("error(boom)", fun() -> error(boom) end),
    report("exit(fatal)", fun() -> exit(fatal) end).

report(What, Crash) ->
    Self = self(),
    B = spawn(fun() -> receive go -> Crash() end end),
    {A, RefA} = spawn_monitor(fun() -> link(B), Self ! linked, receive never -> ok end end),
    receive linked -> ok end,
    RefB = monitor(process, B),
    B ! go,
    receive {'DOWN', RefB, process, B, RB} -> io:format("~s, the crasher: ~p~n", [What, head(RB)]) end,
    receive {'DOWN', RefA, process, A, RA} -> io:format("~s, its partner: ~p~n", [What, head(RA)]) end.
