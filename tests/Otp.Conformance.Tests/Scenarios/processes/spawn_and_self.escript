#!/usr/bin/env escript
%% spawn/1 returns at once with the new process's pid, and inside the new process self()
%% is that same pid.
-include("../scenario.hrl").
main(_) ->
    Parent = self(),
    Child = spawn(fun() -> Parent ! {my_pid, self()} end),
    io:format("spawn returned a pid: ~p~n", [is_pid(Child)]),
    receive
        {my_pid, Reported} ->
            io:format("child's self() is the pid spawn returned: ~p~n", [Reported =:= Child]),
            io:format("child and parent differ: ~p~n", [Child =/= Parent])
    end,
    io:format("parent's self() is stable: ~p~n", [self() =:= Parent]),
    Second = spawn(fun() -> ok end),
    io:format("two spawns, two pids: ~p~n", [Second =/= Child]).
