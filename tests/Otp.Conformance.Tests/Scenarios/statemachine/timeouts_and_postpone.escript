#!/usr/bin/env escript
%% gen_statem's rules, on a door: a postponed event comes back after the next change of state,
%% in order, before newer events; a state timeout survives events that keep the state and is
%% cancelled by a change of state; an event timeout is cancelled by any event; sys:get_state is
%% not an event. Timing margins are wide (100 ms and more), so only the order of lines matters.
-mode(compile).
-behaviour(gen_statem).
-export([init/1, callback_mode/0, handle_event/4]).

main(_) ->
    {ok, Door} = gen_statem:start(?MODULE, self(), []),
    C = fun(E) -> gen_statem:cast(Door, E) end,
    C(code), C(knock), C({noise, 1}), C(knock),
    timer:sleep(400), print(),
    C(idle_check), C({noise, 2}),
    timer:sleep(300), print(),
    C(idle_check), sys:get_state(Door),
    timer:sleep(300), print(),
    C(code), C(close),
    timer:sleep(400), print(),
    {State, Seen} = sys:get_state(Door),
    io:format("state ~p after ~p events~n", [State, Seen]).

print() ->
    receive {log, Line} -> io:format("~s~n", [Line]), print() after 0 -> ok end.

callback_mode() -> handle_event_function.

init(Parent) -> put(parent, Parent), {ok, locked, 0}.

handle_event(Type, Content, State, Seen) ->
    get(parent) ! {log, io_lib:format("~p: ~p ~p", [State, Type, Content])},
    handle(Type, Content, State, Seen + 1).

handle(cast, code, locked, N) -> {next_state, open, N, [{state_timeout, 200, lock}]};
handle(cast, knock, open, N) -> {keep_state, N, [postpone]};
handle(state_timeout, lock, open, N) -> {next_state, locked, N};
handle(cast, close, open, N) -> {next_state, locked, N};
handle(cast, idle_check, locked, N) -> {keep_state, N, [{timeout, 100, idle}]};
handle(_, _, _, N) -> {keep_state, N}.
