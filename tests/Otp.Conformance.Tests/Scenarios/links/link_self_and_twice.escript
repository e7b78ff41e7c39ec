#!/usr/bin/env escript
%% link(self()) does nothing; linking twice makes one link, which one unlink removes.
-include("../scenario.hrl").
main(_) ->
    Self = self(),
    spawn(fun() ->
              R = link(self()),
              {links, L} = process_info(self(), links),
              Self ! {self_link, R, L}
          end),
    receive {self_link, R, L} -> io:format("link(self()): ~p, links: ~w~n", [R, L]) end,
    B = spawn(fun() -> receive never -> ok end end),
    spawn(fun() ->
              link(B), link(B),
              {links, L1} = process_info(self(), links),
              unlink(B),
              {links, L2} = process_info(self(), links),
              Self ! {twice, length(L1), length(L2)}
          end),
    receive {twice, N1, N2} -> io:format("links after linking twice: ~p, after one unlink: ~p~n", [N1, N2]) end.
