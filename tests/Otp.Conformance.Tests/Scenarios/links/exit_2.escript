#!/usr/bin/env escript
%% exit(Pid, Reason): a process that does not trap exits dies with Reason, but ignores normal;
%% a process that traps exits gets {'EXIT', Sender, Reason} for either. exit/2 to a dead
%% process does nothing.
-include("../scenario.hrl").
main(_) ->
    Self = self(),
    A = spawn(fun() -> receive never -> ok end end),
    RefA = monitor(process, A),
    io:format("exit(A, foo): ~p~n", [exit(A, foo)]),
    receive {'DOWN', RefA, process, A, RA} -> io:format("A ended: ~p~n", [RA]) end,
    B = spawn(fun() -> echo() end),
    exit(B, normal),
    B ! {ping, Self},
    receive pong -> io:format("B ignored normal: ~p~n", [is_process_alive(B)]) end,
    T = spawn(fun() ->
                  process_flag(trap_exit, true),
                  Self ! trapping,
                  [receive {'EXIT', From, Why} -> Self ! {trapped, From =:= Self, Why} end || _ <- [1, 2]]
              end),
    receive trapping -> ok end,
    exit(T, normal),
    exit(T, foo),
    [receive {trapped, FromMe, Why} -> io:format("T got 'EXIT' from me: ~p, ~p~n", [FromMe, Why]) end || _ <- [1, 2]],
    {Dead, RefD} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', RefD, process, Dead, _} -> ok end,
    io:format("exit(Dead, foo): ~p~n", [exit(Dead, foo)]).

echo() -> receive {ping, From} -> From ! pong, echo() end.
