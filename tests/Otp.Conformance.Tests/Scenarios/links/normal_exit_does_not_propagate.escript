#!/usr/bin/env escript
%% A linked process that ends normally does not take its partner down, and neither does
%% exit(Pid, normal) sent to a process that does not trap exits.
-include("../scenario.hrl").
main(_) ->
    Self = self(),
    B = spawn(fun() -> receive go -> ok end end),
    A = spawn(fun() -> link(B), Self ! linked, partner() end),
    receive linked -> ok end,
    RefB = monitor(process, B),
    B ! go,
    receive {'DOWN', RefB, process, B, R} -> io:format("partner ended: ~p~n", [R]) end,
    A ! {ping, self()},
    receive pong -> io:format("still answers: pong~n") end,
    exit(A, normal),
    A ! {ping, self()},
    receive pong -> io:format("after exit(A, normal): pong~n") end,
    io:format("alive: ~p~n", [is_process_alive(A)]).

partner() ->
    receive {ping, From} -> From ! pong, partner() end.
