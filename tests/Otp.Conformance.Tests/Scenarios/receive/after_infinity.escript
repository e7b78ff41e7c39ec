#!/usr/bin/env escript
%% 'after infinity' is the same as no after clause: it waits as long as it takes.
-include("../scenario.hrl").
main(_) ->
    Self = self(),
    spawn(fun() -> timer:sleep(200), Self ! finally end),
    R = receive finally -> finally after infinity -> gave_up end,
    io:format("waited for: ~p~n", [R]).
