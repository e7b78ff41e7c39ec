#!/usr/bin/env escript
%% Pids print as <0.N.0> (node 0 is this node), alone and inside the runtime's messages.
-include("../scenario.hrl").
main(_) ->
    P = spawn(fun() -> ok end),
    io:format("~s~n", [show(P)]),
    io:format("the text is a pid: ~p~n", [re:run(pid_to_list(P), "^<0\\.[0-9]+\\.0>$") =/= nomatch]),
    process_flag(trap_exit, true),
    L = spawn_link(fun() -> ok end),
    receive {'EXIT', L, _} = Exit -> io:format("~s~n", [show(Exit)]) end,
    {M, Ref} = spawn_monitor(fun() -> exit(bye) end),
    receive {'DOWN', Ref, process, M, _} = Down -> io:format("~s~n", [show(Down)]) end,
    io:format("~s~n", [show(make_ref())]).
