#!/usr/bin/env escript
%% exit(self(), normal) ends a process that does not trap exits (with reason normal): the one
%% case where a normal exit signal kills. A process that traps exits gets it as a message.
%% exit(self(), kill) ends even a trapping process, with reason killed.
-include("../scenario.hrl").
main(_) ->
    Self = self(),
    {P, Ref} = spawn_monitor(fun() -> exit(self(), normal), Self ! still_running end),
    receive {'DOWN', Ref, process, P, R} -> io:format("not trapping, ended: ~p~n", [R]) end,
    io:format("mailbox: ~s~n", [show(drain())]),
    {T, RefT} = spawn_monitor(fun() ->
                                  process_flag(trap_exit, true),
                                  exit(self(), normal),
                                  receive {'EXIT', From, Why} -> Self ! {got, From =:= self(), Why} end
                              end),
    receive {got, FromSelf, Why} -> io:format("trapping, got 'EXIT' from itself: ~p, ~p~n", [FromSelf, Why]) end,
    receive {'DOWN', RefT, process, T, RT} -> io:format("then ended: ~p~n", [RT]) end,
    {K, RefK} = spawn_monitor(fun() ->
                                  process_flag(trap_exit, true),
                                  exit(self(), kill),
                                  Self ! still_running
                              end),
    receive {'DOWN', RefK, process, K, RK} -> io:format("exit(self(), kill) while trapping: ~p~n", [RK]) end,
    io:format("mailbox: ~s~n", [show(drain())]).
