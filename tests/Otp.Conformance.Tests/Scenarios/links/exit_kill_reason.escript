#!/usr/bin/env escript
%% A process that ends itself with exit(kill) is not "killed": its monitors and links see the
%% reason kill, which through a link is an ordinary reason, so a partner that traps exits gets
%% it as a message and one that does not dies with reason kill.
-include("../scenario.hrl").
main(_) ->
    Self = self(),
    P = spawn(fun() -> receive go -> exit(kill) end end),
    Trapper = spawn(fun() ->
                        process_flag(trap_exit, true), link(P), Self ! linked,
                        receive {'EXIT', P, Why} -> Self ! {trapper_saw, Why} end
                    end),
    receive linked -> ok end,
    {Partner, RefPartner} = spawn_monitor(fun() -> link(P), Self ! linked, receive never -> ok end end),
    receive linked -> ok end,
    Ref = monitor(process, P),
    P ! go,
    receive {'DOWN', Ref, process, P, R} -> io:format("monitor saw: ~p~n", [R]) end,
    receive {trapper_saw, W} -> io:format("trapping partner got: ~p~n", [W]) end,
    receive {'DOWN', RefPartner, process, Partner, RP} -> io:format("non-trapping partner ended: ~p~n", [RP]) end,
    _ = Trapper.
