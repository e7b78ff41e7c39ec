#!/usr/bin/env escript
%% spawn_monitor/1 returns {Pid, Ref}; the DOWN carries that very Ref and Pid, even when the
%% child ends before the parent looks.
-include("../scenario.hrl").
main(_) ->
    {Pid, Ref} = spawn_monitor(fun() -> exit(bye) end),
    receive
        {'DOWN', R, process, P, Reason} ->
            io:format("same ref: ~p~n", [R =:= Ref]),
            io:format("same pid: ~p~n", [P =:= Pid]),
            io:format("reason: ~p~n", [Reason])
    end,
    {Pid2, Ref2} = spawn_monitor(fun() -> receive stop -> ok end end),
    io:format("no DOWN while alive: ~p~n", [drain()]),
    Pid2 ! stop,
    receive {'DOWN', Ref2, process, Pid2, Reason2} -> io:format("after stop: ~p~n", [Reason2]) end,
    {links, Links} = process_info(self(), links),
    io:format("linked to the child: ~p~n", [lists:member(Pid2, Links)]).
