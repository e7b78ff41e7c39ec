#!/usr/bin/env escript
%% Each waiting process's 'after' fires on its own clock: the shorter timeout ends first, whatever
%% order the processes started in, and a message that comes in time cancels the timeout.
-include("../scenario.hrl").
main(_) ->
    Self = self(),
    [spawn(fun() -> receive never -> ok after T -> Self ! {timed_out, T} end end) || T <- [700, 100, 400]],
    Order = [receive {timed_out, T} -> T end || _ <- [1, 2, 3]],
    io:format("timeouts in order: ~w~n", [Order]),
    P = spawn(fun() -> receive ping -> Self ! got_ping after 200 -> Self ! timed_out end end),
    P ! ping,
    receive R -> io:format("message in time: ~p~n", [R]) end,
    R2 = receive Late -> Late after 400 -> nothing_more end,
    io:format("then: ~p~n", [R2]).
