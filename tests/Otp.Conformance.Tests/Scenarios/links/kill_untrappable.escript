#!/usr/bin/env escript
%% exit(Pid, kill) ends even a process that traps exits; it ends with reason killed, and that
%% is what its links and monitors see.
-include("../scenario.hrl").
main(_) ->
    Self = self(),
    Victim = spawn(fun() -> process_flag(trap_exit, true), Self ! ready, receive never -> ok end end),
    receive ready -> ok end,
    Trapper = spawn(fun() ->
                        process_flag(trap_exit, true), link(Victim), Self ! linked,
                        receive {'EXIT', Victim, Why} -> Self ! {trapper_saw, Why} end
                    end),
    receive linked -> ok end,
    {Partner, RefP} = spawn_monitor(fun() -> link(Victim), Self ! linked, receive never -> ok end end),
    receive linked -> ok end,
    RefV = monitor(process, Victim),
    exit(Victim, kill),
    receive {'DOWN', RefV, process, Victim, RV} -> io:format("victim ended: ~p~n", [RV]) end,
    receive {trapper_saw, W} -> io:format("trapping partner got: ~p~n", [W]) end,
    receive {'DOWN', RefP, process, Partner, RP} -> io:format("non-trapping partner ended: ~p~n", [RP]) end,
    _ = Trapper.
