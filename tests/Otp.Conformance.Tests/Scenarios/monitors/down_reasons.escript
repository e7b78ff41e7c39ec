#!/usr/bin/env escript
%% A monitor delivers one {'DOWN', Ref, process, Pid, Reason} when the process ends, with the
%% reason it ended with; the monitored process is not affected by the watcher.
-include("../scenario.hrl").
main(_) ->
    P = spawn(fun() -> receive stop -> ok end end),
    Ref = monitor(process, P),
    io:format("monitor returns a reference: ~p~n", [is_reference(Ref)]),
    P ! stop,
    receive {'DOWN', Ref, process, P, _} = Down -> io:format("~s~n", [show(Down)]) end,
    report("exit(foo)", fun() -> exit(foo) end, fun(_) -> ok end),
    report("error(boom)", fun() -> error(boom) end, fun(_) -> ok end),
    report("killed", fun() -> receive never -> ok end end, fun(Q) -> exit(Q, kill) end),
    report("exit(Q, custom)", fun() -> receive never -> ok end end, fun(Q) -> exit(Q, custom) end).

report(What, Body, Then) ->
    Q = spawn(fun() -> receive go -> Body() end end),
    Ref = monitor(process, Q),
    Q ! go,
    Then(Q),
    receive {'DOWN', Ref, process, Q, Reason} -> io:format("~s: ~p~n", [What, head(Reason)]) end.
