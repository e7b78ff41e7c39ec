#!/usr/bin/env escript
%% The dog of chapter 5 as a gen_statem, run through every event script of Lab 5
%% (tests/Lab05.DogStateMachine.Tests/Scripts/*.txt). For each script it prints the narration
%% and the state after each step; the C# dog must print exactly the same (its verified snapshots).
%%
%% Time is scaled: one second of the dog's life is ?MS real milliseconds, every wait in the
%% scripts stays at least half a second away from a timeout, and waits are measured from the
%% script's start (not from the end of the previous step) so delays do not add up. Scripts run in
%% parallel, each against its own dog, and print one after another. A machine so loaded that a
%% timer is late by half a second can still disturb a run: the C# test then runs it again.
-mode(compile).
-behaviour(gen_statem).
-export([init/1, callback_mode/0, handle_event/4]).
-define(MS, 100).

main(_) ->
    Dir = filename:join([filename:dirname(escript:script_name()), "..", "..", "..",
                         "Lab05.DogStateMachine.Tests", "Scripts"]),
    Names = lists:sort([filename:basename(F, ".txt") || F <- filelib:wildcard(filename:join(Dir, "*.txt"))]),
    Self = self(),
    Runs = [{Name, spawn_link(fun() -> Self ! {done, Name, run_script(filename:join(Dir, Name ++ ".txt"))} end)}
            || Name <- Names],
    lists:foreach(fun({Name, _}) ->
                          receive {done, Name, Lines} ->
                                  io:format("### ~s~n", [Name]),
                                  [io:format("~s~n", [L]) || L <- Lines]
                          end
                  end, Runs).

%% ---- The dog ---------------------------------------------------------------------------------

callback_mode() -> handle_event_function.

%% Data: how many times the dog has barked, and where its narration goes.
init(Out) ->
    {Barks, Actions} = bark(0, Out),
    {ok, barking, {Barks, Out}, Actions}.

handle_event(cast, stop, _State, {_, Out} = Data) ->
    say(Out, "goes home"),
    {stop, normal, Data};
handle_event(state_timeout, bark, barking, {Barks, Out}) ->
    {Barks1, Actions} = bark(Barks, Out),
    {keep_state, {Barks1, Out}, Actions};
handle_event(cast, pet, barking, {_, Out} = Data) ->
    say(Out, "wags its tail"),
    {next_state, wagging_tail, Data, [bored_after()]};
handle_event(timeout, bored, wagging_tail, {Barks, Out}) ->
    {Barks1, Actions} = bark(Barks, Out),
    {next_state, barking, {Barks1, Out}, Actions};
handle_event(cast, pet, wagging_tail, {_, Out} = Data) ->
    say(Out, "sits. Goooood boy!"),
    {next_state, sitting, Data};
handle_event(cast, squirrel, sitting, {Barks, Out}) ->
    {Barks1, Actions} = bark(Barks, Out),
    {next_state, barking, {Barks1, Out}, Actions};
handle_event(cast, _Other, wagging_tail, {_, Out}) ->
    %% Any event ends the 30 quiet seconds, so they start again.
    say(Out, "is confused"),
    {keep_state_and_data, [bored_after()]};
handle_event(cast, _Other, _State, {_, Out}) ->
    say(Out, "is confused"),
    keep_state_and_data.

bark(Barks, Out) ->
    say(Out, "Bark! Bark!"),
    {Barks + 1, [{state_timeout, 2 * ?MS, bark}]}.

bored_after() -> {timeout, 30 * ?MS, bored}.

say(Out, Line) -> Out ! {say, Line}.

%% ---- Running a script ------------------------------------------------------------------------

run_script(Path) ->
    {ok, Text} = file:read_file(Path),
    Steps = [string:trim(L) || L <- string:split(binary_to_list(Text), "\n", all)],
    {ok, Dog} = gen_statem:start(?MODULE, self(), []),
    put(start, erlang:monotonic_time(millisecond)),
    put(now, 0),
    First = ["== start" | said()] ++ [state_line(Dog)],
    lists:append([First | [step(Dog, S) || S <- Steps, S =/= "", hd(S) =/= $#]]).

step(Dog, "wait " ++ Seconds) ->
    Now = get(now) + to_number(Seconds),
    put(now, Now),
    Due = get(start) + round(Now * ?MS),
    timer:sleep(max(0, Due - erlang:monotonic_time(millisecond))),
    ["== wait " ++ Seconds | said_then_state(Dog)];
step(Dog, "stop") ->
    Ref = erlang:monitor(process, Dog),
    gen_statem:cast(Dog, stop),
    Reason = receive {'DOWN', Ref, process, Dog, R} -> R end,
    ["== stop" | said()] ++ [io_lib:format("= stopped (~p)", [Reason])];
step(Dog, Event) ->
    gen_statem:cast(Dog, list_to_atom(Event)),
    ["== " ++ Event | said_then_state(Dog)].

said_then_state(Dog) ->
    %% get_state is answered after every earlier event, and the dog's lines reach us before its
    %% answer, so everything it said is in our mailbox by then.
    State = state_line(Dog),
    said() ++ [State].

state_line(Dog) ->
    {State, {Barks, _}} = sys:get_state(Dog),
    lists:flatten(io_lib:format("= ~p (barks: ~p)", [State, Barks])).

said() ->
    receive {say, Line} -> ["dog " ++ Line | said()] after 0 -> [] end.

to_number(S) ->
    case string:to_float(S) of
        {F, []} -> F;
        _ -> list_to_integer(S)
    end.
