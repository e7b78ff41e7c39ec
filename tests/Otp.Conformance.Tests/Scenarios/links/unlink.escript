#!/usr/bin/env escript
%% After unlink/1 the partner's death has no effect, trapping or not; unlink is idempotent.
-include("../scenario.hrl").
main(_) ->
    Self = self(),
    B = spawn(fun() -> receive go -> exit(boom) end end),
    {A, RefA} = spawn_monitor(fun() ->
                                  link(B), unlink(B),
                                  Self ! unlinked,
                                  receive {ping, From} -> From ! pong end
                              end),
    receive unlinked -> ok end,
    RefB = monitor(process, B),
    B ! go,
    receive {'DOWN', RefB, process, B, RB} -> io:format("partner ended: ~p~n", [RB]) end,
    A ! {ping, self()},
    receive pong -> io:format("unlinked process survived~n") end,
    receive {'DOWN', RefA, process, A, RA} -> io:format("then ended: ~p~n", [RA]) end,
    process_flag(trap_exit, true),
    C = spawn_link(fun() -> receive go -> exit(boom) end end),
    io:format("unlink: ~p~n", [unlink(C)]),
    io:format("unlink again: ~p~n", [unlink(C)]),
    RefC = monitor(process, C),
    C ! go,
    receive {'DOWN', RefC, process, C, RC} -> io:format("other partner ended: ~p~n", [RC]) end,
    io:format("mailbox: ~s~n", [show(drain())]).
