#!/usr/bin/env escript
%% A process that traps exits receives {'EXIT', From, Reason} from its links instead of dying,
%% whatever the reason, normal included.
-include("../scenario.hrl").
main(_) ->
    io:format("trap_exit was: ~p~n", [process_flag(trap_exit, true)]),
    io:format("trap_exit was: ~p~n", [process_flag(trap_exit, true)]),
    N = spawn_link(fun() -> ok end),
    receive {'EXIT', N, R1} = M1 -> io:format("~s (normal: ~p)~n", [show(M1), R1 =:= normal]) end,
    S = spawn_link(fun() -> exit(shutdown) end),
    receive {'EXIT', S, _} = M2 -> io:format("~s~n", [show(M2)]) end,
    E = spawn_link(fun() -> error(boom) end),
    receive {'EXIT', E, R3} -> io:format("error: ~p~n", [head(R3)]) end,
    io:format("still here: ~p~n", [is_process_alive(self())]).
