#!/usr/bin/env escript
%% A finite 'after' gives up when its time is up; a message that comes in time is taken, and
%% one that comes too late waits in the mailbox for a later receive.
-include("../scenario.hrl").
main(_) ->
    Self = self(),
    R1 = receive never -> never after 50 -> timeout end,
    io:format("nothing sent: ~p~n", [R1]),
    spawn(fun() -> timer:sleep(50), Self ! early end),
    R2 = receive early -> early after 500 -> timeout end,
    io:format("sent in time: ~p~n", [R2]),
    spawn(fun() -> timer:sleep(300), Self ! late end),
    R3 = receive late -> late after 50 -> timeout end,
    io:format("sent too late: ~p~n", [R3]),
    R4 = receive late -> late end,
    io:format("later receive: ~p~n", [R4]).
