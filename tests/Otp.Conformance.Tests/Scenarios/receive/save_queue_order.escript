#!/usr/bin/env escript
%% Messages a receive passes over stay in the mailbox in arrival order, both those already there
%% when the receive starts and those that arrive while it waits.
-include("../scenario.hrl").
main(_) ->
    Self = self(),
    [Self ! {n, I} || I <- lists:seq(1, 8)],
    Evens = [receive {n, I} when I rem 2 =:= 0 -> I end || _ <- [1, 2, 3, 4]],
    io:format("evens: ~w~n", [Evens]),
    io:format("left: ~s~n", [show(drain())]),
    %% Now wait for 'go' while other messages arrive first.
    spawn(fun() -> timer:sleep(10), [Self ! M || M <- [a, b, go, c]] end),
    receive go -> io:format("got go~n") end,
    io:format("left: ~s~n", [show(drain())]).
