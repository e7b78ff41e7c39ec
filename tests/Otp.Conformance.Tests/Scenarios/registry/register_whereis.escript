#!/usr/bin/env escript
%% register/2 names a process, whereis/1 finds it, a message to the name reaches it, and
%% unregister/1 removes the name without touching the process.
-include("../scenario.hrl").
main(_) ->
    Echo = spawn(fun() -> echo() end),
    io:format("register: ~p~n", [register(echo, Echo)]),
    io:format("whereis finds it: ~p~n", [whereis(echo) =:= Echo]),
    io:format("in registered(): ~p~n", [lists:member(echo, registered())]),
    echo ! {self(), hi},
    receive {echoed, M} -> io:format("reply through the name: ~p~n", [M]) end,
    io:format("unregister: ~p~n", [unregister(echo)]),
    io:format("whereis after unregister: ~p~n", [whereis(echo)]),
    io:format("still alive: ~p~n", [is_process_alive(Echo)]).

echo() ->
    receive {From, M} -> From ! {echoed, M}, echo() end.
