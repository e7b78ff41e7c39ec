#!/usr/bin/env escript
%% An exit signal travels along a chain of links: when the last of 1000 linked processes ends
%% abnormally, every one ends with the same reason, except the first, which traps exits and
%% receives the signal from its neighbour as a message.
-mode(compile).
-include("../scenario.hrl").
main(_) ->
    Self = self(),
    Head = spawn(fun() ->
                     process_flag(trap_exit, true),
                     Next = spawn_link(fun() -> chain(Self, 999) end),
                     receive {'EXIT', Next, Why} -> Self ! {head_got, Why} end
                 end),
    Pids = [receive {member, P} -> P end || _ <- lists:seq(1, 999)],
    Refs = [monitor(process, P) || P <- Pids],
    receive {last, Last} -> Last ! go end,
    Reasons = [receive {'DOWN', Ref, process, _, R} -> R end || Ref <- Refs],
    io:format("ended: ~p, reasons: ~w~n", [length(Reasons), lists:usort(Reasons)]),
    receive {head_got, W} -> io:format("the first got: ~p, alive: ~p~n", [W, is_process_alive(Head)]) end.

chain(Root, 1) ->
    Root ! {member, self()},
    Root ! {last, self()},
    receive go -> exit(chain_broken) end;
chain(Root, N) ->
    Root ! {member, self()},
    spawn_link(fun() -> chain(Root, N - 1) end),
    receive never -> ok end.
