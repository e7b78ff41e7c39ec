#!/usr/bin/env escript
%% -*- erlang -*-
%% The Erlang half of EtfGoldenTests: real term_to_binary/binary_to_term on a fixed list of
%% named terms, each of which has a C# twin in EtfGoldenTests.cs.
%%   encode        prints "Name Hex Hex Hex Text" per term: term_to_binary with {minor_version,2}
%%                 (UTF-8 atoms), the default term_to_binary (Latin-1 atoms), the compressed
%%                 form, and the term printed with ~w.
%%   decode File   reads "Name Hex" lines (the C# encoding), runs binary_to_term on each and
%%                 prints "Name same|differs Text": whether it is the named term, and what it is.
%%   reencode File reads hex lines (generated terms, C# encoding) and prints, for each, the hex of
%%                 term_to_binary(binary_to_term(Hex), [{minor_version,2}]), or "error Reason".


main(["encode"]) ->
    io:setopts([{encoding, unicode}]),
    [io:format("~s ~s ~s ~s ~w~n",
               [Name, hex(term_to_binary(T, [{minor_version, 2}])), hex(term_to_binary(T)),
                hex(term_to_binary(T, [compressed, {minor_version, 2}])), T])
     || {Name, T} <- terms()],
    ok;
main(["decode", File]) ->
    io:setopts([{encoding, unicode}]),
    {ok, Bin} = file:read_file(File),
    Expected = maps:from_list(terms()),
    [begin
         [Name, Hex] = string:split(Line, " "),
         case catch binary_to_term(binary:decode_hex(Hex)) of
             {'EXIT', Reason} ->
                 io:format("~s error ~w~n", [Name, Reason]);
             T ->
                 Same = case maps:find(binary_to_list(Name), Expected) of
                            {ok, E} when E =:= T -> same;
                            _ -> differs
                        end,
                 io:format("~s ~s ~w~n", [Name, Same, T])
         end
     end || Line <- string:split(Bin, "\n", all), Line =/= <<>>],
    ok;
main(["reencode", File]) ->
    {ok, Bin} = file:read_file(File),
    [case catch binary_to_term(binary:decode_hex(Hex)) of
         {'EXIT', Reason} -> io:format("error ~w~n", [Reason]);
         T -> io:format("~s~n", [hex(term_to_binary(T, [{minor_version, 2}]))])
     end || Hex <- string:split(Bin, "\n", all), Hex =/= <<>>],
    ok.

hex(Bin) -> binary_to_list(binary:encode_hex(Bin)).

pow(_, 0) -> 1;
pow(B, E) -> B * pow(B, E - 1).

remote_pid() -> binary_to_term(<<131, 88, 119, 14, "pong@127.0.0.1", 42:32, 7:32, 1234567:32>>).
remote_ref() -> binary_to_term(<<131, 90, 0, 3, 119, 14, "pong@127.0.0.1", 1234567:32, 1:32, 2:32, 3:32>>).

terms() ->
    [{"atom_ok", ok},
     {"atom_quoted", 'hello world'},
     {"atom_unicode", 'héllo'},
     {"atom_255", list_to_atom(lists:duplicate(255, $x))},
     {"atom_long_utf8", list_to_atom(lists:duplicate(200, 16#e9))},
     {"bool_true", true},
     {"bool_false", false},
     {"null_undefined", undefined},
     {"int_0", 0},
     {"int_255", 255},
     {"int_256", 256},
     {"int_minus_1", -1},
     {"int_max", 2147483647},
     {"int_min", -2147483648},
     {"long_2_31", 2147483648},
     {"long_max", 9223372036854775807},
     {"long_min", -9223372036854775808},
     {"ulong_max", 18446744073709551615},
     {"big_2_64", pow(2, 64)},
     {"big_minus_3_300", -pow(3, 300)},
     {"big_7_2000", pow(7, 2000)},
     {"float_0", 0.0},
     {"float_minus_1_5", -1.5},
     {"float_pi", 3.141592653589793},
     {"float_max", 1.7976931348623157e308},
     {"float_tiny", 5.0e-324},
     {"tuple_empty", {}},
     {"tuple_ping", {ping, 1, []}},
     {"tuple_300", list_to_tuple(lists:seq(1, 300))},
     {"value_tuple", {ok, 1}},
     {"nil", []},
     {"string_hello", "hello"},
     {"string_unicode", "héllo→"},
     {"list_bytes", [1, 2, 3]},
     {"list_mixed", [1, a, 1000]},
     {"list_cs", [1, a]},
     {"list_improper", [a | b]},
     {"list_gen_call_tag", [alias | remote_ref()]},
     {"list_nested", [[1], [[2]], {[]}]},
     {"list_dup", lists:duplicate(1000, hello)},
     {"binary_empty", <<>>},
     {"binary_123", <<1, 2, 3>>},
     {"binary_bytes", <<"hi">>},
     {"binary_utf8", <<"héllo"/utf8>>},
     {"bitstring", <<1, 2:3>>},
     {"map_empty", #{}},
     {"map_atoms", #{a => 1, b => [1, 2]}},
     {"map_dictionary", #{a => 1}},
     {"map_tuple_key", #{{1, 2} => x}},
     {"pid_local", list_to_pid("<0.80.0>")},
     {"pid_remote", remote_pid()},
     {"ref_remote", remote_ref()},
     {"port_local", list_to_port("#Port<0.7>")},
     {"record_ping", {ping, remote_pid()}},
     {"opaque_export", fun lists:reverse/1},
     {"opaque_closure", fun(X) -> X + 1 end}].
