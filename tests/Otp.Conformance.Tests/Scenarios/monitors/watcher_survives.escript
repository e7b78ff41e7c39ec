#!/usr/bin/env escript
%% A monitor is one-way and harmless: the watcher outlives a crash of the watched process, and
%% the watched process outlives a crash of its watcher.
-include("../scenario.hrl").
main(_) ->
    Self = self(),
    Watcher = spawn(fun() ->
                        {_, Ref} = spawn_monitor(fun() -> error(boom) end),
                        receive {'DOWN', Ref, process, _, Why} -> Self ! {watched_ended, head(Why)} end,
                        receive {ping, From} -> From ! pong end
                    end),
    receive {watched_ended, W} -> io:format("watched ended: ~p~n", [W]) end,
    Watcher ! {ping, self()},
    receive pong -> io:format("watcher still answers~n") end,
    Target = spawn(fun() -> receive {ping, From} -> From ! pong end end),
    {W2, Ref2} = spawn_monitor(fun() -> monitor(process, Target), Self ! watching, exit(watcher_crashed) end),
    receive watching -> ok end,
    receive {'DOWN', Ref2, process, W2, R2} -> io:format("watcher ended: ~p~n", [R2]) end,
    Target ! {ping, self()},
    receive pong -> io:format("target still answers~n") end.
