#!/usr/bin/env escript
%% Linking to a process that no longer exists: an error noproc for a process that does not trap
%% exits; for one that traps exits, link returns true and {'EXIT', Pid, noproc} arrives.
-include("../scenario.hrl").
main(_) ->
    {Dead, Ref} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', Ref, process, Dead, _} -> ok end,
    io:format("not trapping: ~p~n", [outcome(fun() -> link(Dead) end)]),
    process_flag(trap_exit, true),
    io:format("trapping: ~p~n", [outcome(fun() -> link(Dead) end)]),
    receive {'EXIT', From, Why} -> io:format("then 'EXIT' from it: ~p, ~p~n", [From =:= Dead, Why]) end,
    {links, Links} = process_info(self(), links),
    io:format("linked: ~p~n", [lists:member(Dead, Links)]).
