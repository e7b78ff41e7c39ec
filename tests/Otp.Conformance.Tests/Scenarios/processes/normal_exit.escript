#!/usr/bin/env escript
%% A process whose function returns ends with reason normal; exit/1 ends it with any reason.
-include("../scenario.hrl").
main(_) ->
    report("body returned", fun() -> ok end),
    report("exit(normal)", fun() -> exit(normal) end),
    report("exit(shutdown)", fun() -> exit(shutdown) end),
    report("exit({shutdown,tired})", fun() -> exit({shutdown, tired}) end),
    {P, Ref} = spawn_monitor(fun() -> receive stop -> ok end end),
    io:format("alive while waiting: ~p~n", [is_process_alive(P)]),
    P ! stop,
    receive {'DOWN', Ref, process, P, _} -> ok end,
    io:format("alive after returning: ~p~n", [is_process_alive(P)]).

report(What, Fun) ->
    {P, Ref} = spawn_monitor(Fun),
    receive {'DOWN', Ref, process, P, Reason} -> io:format("~s: ~s~n", [What, show(Reason)]) end.
