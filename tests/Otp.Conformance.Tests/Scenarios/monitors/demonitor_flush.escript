#!/usr/bin/env escript
%% demonitor/2: an active monitor is removed and no DOWN ever comes; a DOWN that has already
%% arrived stays in the mailbox unless the flush option removes it. The info option says whether
%% the monitor was still active.
-include("../scenario.hrl").
main(_) ->
    A = spawn(fun() -> receive stop -> ok end end),
    RefA = monitor(process, A),
    io:format("active monitor removed: ~p~n", [demonitor(RefA, [info])]),
    A ! stop,
    R = receive {'DOWN', RefA, _, _, _} -> down after 100 -> no_down end,
    io:format("after the process ended: ~p~n", [R]),
    {B, RefB} = spawn_monitor(fun() -> ok end),
    await_queued(1),
    io:format("without flush: ~p~n", [demonitor(RefB, [info])]),
    io:format("mailbox: ~s~n", [show(drain())]),
    {C, RefC} = spawn_monitor(fun() -> ok end),
    await_queued(1),
    io:format("with flush: ~p~n", [demonitor(RefC, [flush, info])]),
    io:format("mailbox: ~s~n", [show(drain())]),
    D = spawn(fun() -> receive stop -> ok end end),
    RefD = monitor(process, D),
    io:format("flush on an active monitor: ~p~n", [demonitor(RefD, [flush, info])]),
    io:format("again: ~p~n", [demonitor(RefD, [flush, info])]),
    _ = {B, C}.
