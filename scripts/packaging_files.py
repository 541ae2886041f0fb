"""Write the files a package ships beside the program, from the command line's own parser, so
they say what `reader --help` says: the man page `man/reader.1` and the shell completions
under `completions/` (bash, zsh, fish).

    python scripts/packaging_files.py           # write them
    python scripts/packaging_files.py --check   # exit 1, naming each, when one is not what
                                                # the parser gives (tests/test_packaging_files)

A packager installs them as they are: `man/reader.1` to `share/man/man1/`,
`completions/reader.bash` to `share/bash-completion/completions/reader`, `completions/_reader`
to `share/zsh/site-functions/`, `completions/reader.fish` to `share/fish/vendor_completions.d/`.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# The help's marks as a UTF-8 terminal shows them, whatever this one is (an ASCII locale, the
# Linux console): the files are the same from any machine. Read by `reader.marks` on import.
os.environ.update(LC_ALL="C.UTF-8", TERM="xterm-256color", COLUMNS="80")

from reader import __version__  # noqa: E402
from reader.cli.parser import build_parser  # noqa: E402
from reader.ui.dialogs.help import KEYS  # noqa: E402

FILES = {
    "man/reader.1": "man",
    "completions/reader.bash": "bash",
    "completions/_reader": "zsh",
    "completions/reader.fish": "fish",
}


def commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def command_lines(parser: argparse.ArgumentParser) -> dict[str, str]:
    """Each command's one line in `reader --help`."""
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {action.dest: _help_of(parser, action) for action in sub._choices_actions}


def options(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    """The options a command takes, as its help lists them (hidden ones left out)."""
    return [a for a in parser._actions if a.option_strings and a.help != argparse.SUPPRESS]


def positionals(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [
        a
        for a in parser._actions
        if not a.option_strings and not isinstance(a, argparse._SubParsersAction)
    ]


def first_words(parser: argparse.ArgumentParser) -> dict[str, str]:
    """The words a command's first argument is one of, each with its help (`search-feed`'s
    actions, `cache`'s prune), or none when that argument is free (an id, an address, a file)."""
    for action in parser._actions:
        if action.option_strings:
            continue
        if isinstance(action, argparse._SubParsersAction):
            lines = {each.dest: each.help or "" for each in action._choices_actions}
            return {name: lines.get(name, "") for name in action.choices}
        return {word: action.help or "" for word in action.choices or ()}
    return {}


def takes_files(parser: argparse.ArgumentParser) -> bool:
    """Whether a command's first argument is a file (`import FILE`, `extract FILE`)."""
    return any(_kind(action) == "file" for action in positionals(parser)[:1])


def _help_of(parser: argparse.ArgumentParser, action: argparse.Action) -> str:
    """The action's help as `--help` prints it (its %(default)s and the like filled in), on
    one line."""
    if not action.help:
        return ""
    text = parser._get_formatter()._expand_help(action)
    return " ".join(text.split())


def _takes_value(action: argparse.Action) -> bool:
    return action.nargs != 0


def _kind(action: argparse.Action) -> str:
    """What an option's value is, for completion: a folder, a file, one of its choices, or
    a word the shell can't guess."""
    if action.choices:
        return "choices"
    metavar = str(action.metavar or "")
    if metavar in ("DIR", "FOLDER"):
        return "dir"
    if metavar in ("FILE", "PATH", "OPML", "DB", "DATABASE", "CONFIG") or metavar.endswith("FILE"):
        return "file"
    return "word"


# -- the man page ------------------------------------------------------------------------


def _roff(text: str) -> str:
    """Plain text as roff: backslashes and hyphens escaped, no line taken as a request."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    # Named by code point: troff without preconv (groff -man) reads bytes, not UTF-8.
    text = "".join(c if ord(c) < 128 else f"\\[u{ord(c):04X}]" for c in text)
    return "\n".join(
        ("\\&" + line) if line[:1] in (".", "'") else line for line in text.split("\n")
    )


def _option_term(action: argparse.Action) -> str:
    names = ", ".join(f"\\fB{_roff(name)}\\fR" for name in action.option_strings)
    if _takes_value(action):
        metavar = action.metavar or (action.dest.upper() if not action.choices else None)
        value = metavar if isinstance(metavar, str) else "{" + ",".join(action.choices) + "}"
        names += f" \\fI{_roff(value)}\\fR"
    return names


def _options_section(parser: argparse.ArgumentParser, top: bool = False) -> list[str]:
    lines: list[str] = []
    for action in positionals(parser):
        term = f"\\fI{_roff(str(action.metavar or action.dest))}\\fR"
        if action.choices:  # cache's [prune]: the word itself, as the user types it
            term = " | ".join(f"\\fB{_roff(word)}\\fR" for word in action.choices)
        lines += [".TP", term, _roff(_help_of(parser, action))]
    for action in parser._actions:
        if top or not isinstance(action, argparse._SubParsersAction):
            continue  # the program's commands have their own section
        # search-feed's actions: each as its usage (its arguments) and what it does.
        for name, each in action.choices.items():
            usage = " ".join(each.format_usage().removeprefix("usage: ").split())
            lines += [".TP", f"\\fB{_roff(name)}\\fR", _roff(usage), ".br"]
            lines.append(_roff(" ".join((each.description or "").split())))
    for action in options(parser):
        lines += [".TP", _option_term(action), _roff(_help_of(parser, action))]
    return lines


def _keys_section() -> list[str]:
    """The keys of the terminal interface, as its help (`?`) lists them: a newsboat or mutt
    user looks for `bind-key` in the man page, which named no key (acc52c C6)."""
    lines = [
        ".SH KEYS",
        "The keys of \\fBreader\\fR with no command, where its help (\\fB?\\fR) lists them too."
        " Each can be changed in the config's [keys] section (\\fIaction\\fR = \\(dqkey\\(dq or"
        " [\\(dqkey\\(dq, ...]): the README's \\(lqKeys of your own\\(rq names the actions.",
    ]
    for section, rows in KEYS:
        lines.append(".SS " + _roff(section))
        for key, what in rows:
            lines += [".TP", f"\\fB{_roff(key)}\\fR", _roff(what)]
    return lines


def man_page(parser: argparse.ArgumentParser) -> str:
    usage = " ".join(parser.format_usage().removeprefix("usage: ").split())
    lines = [
        ".\\\" Written by scripts/packaging_files.py from the command line's parser: do not edit.",
        f'.TH READER 1 "" "reader-tui {__version__}" "User Commands"',
        ".SH NAME",
        "reader \\- " + _roff(parser.description.split(". ")[0].rstrip(".").lower()),
        ".SH SYNOPSIS",
        ".nf",
        _roff(usage),
        ".fi",
        ".SH DESCRIPTION",
        _roff(parser.description),
        ".PP",
        "The README (README.md in the source; installed beside this page as"
        " share/doc/reader\\-tui/README.md) says more of each command, in its \\(lqCommands in"
        " full\\(rq section; the help's and the messages' \\(lqREADME\\(rq is that file.",
        ".SH OPTIONS",
        *_options_section(parser, top=True),
        ".SH COMMANDS",
    ]
    for name, command in commands(parser).items():
        command_usage = " ".join(command.format_usage().removeprefix("usage: ").split())
        lines += [
            ".SS " + _roff(name),
            ".nf",
            _roff(command_usage),
            ".fi",
            ".PP",
            _roff(" ".join((command.description or "").split())),
            *_options_section(command),
        ]
    lines += _keys_section()
    lines += [
        ".SH EXIT STATUS",
        _roff(" ".join(parser.epilog.removeprefix("Exit status: ").split())),
        ".SH ENVIRONMENT",
        ".TP",
        "\\fBREADER_HOME\\fR",
        "The data directory, when \\fB\\-\\-data\\-dir\\fR is not given.",
        ".TP",
        "\\fBREADER_CONFIG\\fR",
        "The config file, when \\fB\\-\\-config\\fR is not given.",
        ".TP",
        "\\fBXDG_DATA_HOME\\fR, \\fBXDG_CONFIG_HOME\\fR",
        "Where the data directory (reader\\-tui) and the config file (reader\\-tui/config.toml)"
        " are by default: else ~/.local/share and ~/.config.",
        ".TP",
        "\\fBXDG_RUNTIME_DIR\\fR, \\fBTMPDIR\\fR, \\fBXDG_CACHE_HOME\\fR",
        "Where a command's {file} and a picture opened in a viewer are written: reader\\-commands"
        " and reader\\-pictures under XDG_RUNTIME_DIR, else under the temporary directory;"
        " reader\\-tui under XDG_CACHE_HOME (else ~/.cache) only when another account took"
        " those names. The article cache is in the data directory, never there.",
        ".TP",
        "\\fBBROWSER\\fR",
        "The browser \\fBo\\fR opens (BROWSER=\\(aqw3m %s\\(aq), else the desktop's.",
        ".TP",
        "\\fBNO_COLOR\\fR, \\fBTERM\\fR, \\fBCOLORTERM\\fR",
        "NO_COLOR set (to anything but nothing) shows no colour; TERM says what the terminal"
        " draws (TERM=dumb can't hold the reader), COLORTERM=truecolor its colours.",
        ".TP",
        "\\fBHTTPS_PROXY\\fR, \\fBHTTP_PROXY\\fR, \\fBALL_PROXY\\fR, \\fBNO_PROXY\\fR",
        "The proxy to go through, read only with [network] proxy = \\(dqenv\\(dq in the config;"
        " NO_PROXY's hosts reached directly.",
        ".SH FILES",
        ".TP",
        "\\fI~/.local/share/reader\\-tui/\\fR",
        "The feeds, the article cache, read marks and saved articles.",
        ".TP",
        "\\fI~/.config/reader\\-tui/config.toml\\fR",
        "The settings (\\fBreader config\\fR prints them).",
        ".SH SEE ALSO",
        "\\fBnewsboat\\fR(1)",
        "",
    ]
    return "\n".join(lines)


# -- the completions ---------------------------------------------------------------------


def _words(actions: list[argparse.Action]) -> str:
    return " ".join(name for action in actions for name in action.option_strings)


def _bash_value(action: argparse.Action) -> str:
    """How bash completes the value after an option."""
    kind = _kind(action)
    if kind == "choices":
        return f'COMPREPLY=($(compgen -W {_shell_quote(" ".join(action.choices))} -- "$cur"))'
    if kind == "dir":
        return 'COMPREPLY=($(compgen -d -- "$cur"))'
    if kind == "file":
        return 'COMPREPLY=($(compgen -f -- "$cur"))'
    return "COMPREPLY=()"


def bash(parser: argparse.ArgumentParser) -> str:
    """A bash completion function: commands, each command's options, an option's value (its
    choices, a folder, a file) after it, and a command's first word where it is one of a few
    (`search-feed`'s actions, `cache prune`)."""
    # option → {how its value is completed → the commands ("" for none yet) it is so in}:
    # `--format` takes other words after `show` than after `export`.
    valued: dict[str, dict[str, list[str]]] = {}
    named = {"": parser, **commands(parser)}
    for name, each in named.items():
        for action in options(each):
            if _takes_value(action):
                for option in action.option_strings:
                    valued.setdefault(option, {}).setdefault(_bash_value(action), []).append(name)
    values = []
    for option, ways in sorted(valued.items()):
        for way, names in ways.items():
            if len(ways) == 1:
                pattern = f'*" {option}"'
            else:
                pattern = "|".join(f'"{name} {option}"' for name in names)
            values.append(f"        {pattern}) {way}; return ;;")
    cases = []
    for name, command in commands(parser).items():
        words = first_words(command)
        line = f"        {name}) opts={_shell_quote(_words(options(command)))}"
        if words:
            line += f"; words={_shell_quote(' '.join(words))}"
        cases.append(line + " ;;")
    valued_words = " ".join(sorted(valued))
    return f"""# bash completion for reader(1): written by scripts/packaging_files.py from the command
# line's parser (do not edit). Installed as share/bash-completion/completions/reader, or
# sourced from ~/.bashrc.
_reader() {{
    local cur prev command="" i opts words="" given=0
    cur=${{COMP_WORDS[COMP_CWORD]}}
    prev=${{COMP_WORDS[COMP_CWORD-1]}}
    # The command: the first word that is neither an option nor an option's value; the
    # words given after it are counted.
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${{COMP_WORDS[i]}} in
            {"|".join(valued_words.split())}) ((i++)) ;;
            -*) ;;
            *) if [[ -z $command ]]; then command=${{COMP_WORDS[i]}}; else ((given++)); fi ;;
        esac
    done
    case "$command $prev" in
{chr(10).join(values)}
    esac
    case $command in
        "") opts={_shell_quote(_words(options(parser)))} ;;
{chr(10).join(cases)}
        *) opts="" ;;
    esac
    if [[ -z $command && $cur != -* ]]; then
        COMPREPLY=($(compgen -W {_shell_quote(" ".join(commands(parser)))} -- "$cur"))
    elif [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    elif [[ -n $words && $given == 0 ]]; then
        COMPREPLY=($(compgen -W "$words" -- "$cur"))
    else
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}}
complete -o filenames -F _reader reader
"""


def _shell_quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def _zsh_text(text: str) -> str:
    """Help text inside a zsh `_arguments` spec's brackets, itself in single quotes (a colon
    is kept: zsh reads the brackets whole before the colons after them)."""
    text = text.replace("[", "(").replace("]", ")").replace("\\", "")
    return text.replace("'", "'\\''")


def _zsh_specs(parser: argparse.ArgumentParser) -> list[str]:
    specs = []
    for action in options(parser):
        description = _zsh_text(_help_of(parser, action).split(". ")[0][:100])
        names = action.option_strings
        exclusive = f"({' '.join(names)})" if len(names) > 1 else ""
        value = ""
        if _takes_value(action):
            kind = _kind(action)
            metavar = _zsh_text(str(action.metavar or action.dest))
            value = {
                "choices": f":{metavar}:({' '.join(action.choices or ())})",
                "dir": f":{metavar}:_files -/",
                "file": f":{metavar}:_files",
                "word": f":{metavar}: ",
            }[kind]
        repeat = "*" if isinstance(action, argparse._AppendAction) else ""
        for name in names:
            specs.append(f"'{exclusive}{repeat}{name}[{description}]{value}'")
    return specs


def zsh(parser: argparse.ArgumentParser) -> str:
    described = [f"'{name}:{_zsh_text(line)}'" for name, line in command_lines(parser).items()]
    cases = []
    for name, command in commands(parser).items():
        rest = ["'*:argument:_files'"]
        if words := first_words(command):
            # ((word\:"what it does" …)): each word with its help, as _describe shows them.
            described_words = " ".join(
                f'{word}\\:"{_zsh_text(line).replace(chr(34), "")}"' for word, line in words.items()
            )
            rest.insert(0, f"'1:action:(({described_words}))'")
        specs = " \\\n                ".join([*_zsh_specs(command), *rest])
        cases.append(f"            {name})\n                _arguments {specs} ;;")
    top = " \\\n        ".join([*_zsh_specs(parser), "'1: :->command'", "'*:: :->arguments'"])
    return f"""#compdef reader
# zsh completion for reader(1): written by scripts/packaging_files.py from the command line's
# parser (do not edit). Installed as share/zsh/site-functions/_reader (a folder in $fpath).

_reader() {{
    local curcontext=$curcontext state line
    local -a commands
    commands=(
        {chr(10).join("        " + d for d in described).strip()}
    )
    _arguments -C \\
        {top}
    case $state in
        command)
            _describe -t commands 'reader command' commands ;;
        arguments)
            case $words[1] in
{chr(10).join(cases)}
            esac ;;
    esac
}}

_reader "$@"
"""


def _fish_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace("'", "\\'")


def fish(parser: argparse.ArgumentParser) -> str:
    names = " ".join(commands(parser))
    lines = [
        "# fish completion for reader(1): written by scripts/packaging_files.py from the command",
        "# line's parser (do not edit). Installed as share/fish/vendor_completions.d/reader.fish.",
        "complete -c reader -f",
    ]
    for name, line in command_lines(parser).items():
        lines.append(
            f"complete -c reader -n 'not __fish_seen_subcommand_from {names}' -a {name}"
            f" -d '{_fish_text(line[:100])}'"
        )

    def option_lines(each: argparse.ArgumentParser, condition: str) -> None:
        for action in options(each):
            flags = []
            for option in action.option_strings:
                if option.startswith("--"):
                    flags.append(f"-l {option[2:]}")
                elif len(option) == 2:
                    flags.append(f"-s {option[1]}")
                else:
                    flags.append(f"-o {option[1:]}")
            value = ""
            if _takes_value(action):
                kind = _kind(action)
                value = {
                    "choices": f" -x -a '{' '.join(action.choices or ())}'",
                    "dir": " -r -F -a '(__fish_complete_directories)'",
                    "file": " -r -F",
                    "word": " -x",
                }[kind]
            description = _fish_text(_help_of(each, action).split(". ")[0][:100])
            lines.append(
                f"complete -c reader -n '{condition}' {' '.join(flags)}{value} -d '{description}'"
            )

    option_lines(parser, f"not __fish_seen_subcommand_from {names}")
    for name, command in commands(parser).items():
        option_lines(command, f"__fish_seen_subcommand_from {name}")
        seen = f"__fish_seen_subcommand_from {name}"
        if takes_files(command):  # `complete -f` above turned files off: FILE is one
            lines.append(f"complete -c reader -n '{seen}' -F")
        words = first_words(command)
        for word, line in words.items():
            lines.append(
                f"complete -c reader -n '{seen}; and not __fish_seen_subcommand_from"
                f" {' '.join(words)}' -a {word} -d '{_fish_text(line[:100])}'"
            )
    return "\n".join(lines) + "\n"


def generated() -> dict[str, str]:
    parser = build_parser()
    makers = {"man": man_page, "bash": bash, "zsh": zsh, "fish": fish}
    return {path: makers[kind](parser) for path, kind in FILES.items()}


def main() -> int:
    check = "--check" in sys.argv[1:]
    differing = []
    for path, text in generated().items():
        target = ROOT / path
        if check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                differing.append(path)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for path in differing:
        print(
            f"{path} is not what the parser gives: run python scripts/packaging_files.py",
            file=sys.stderr,
        )
    return 1 if differing else 0


if __name__ == "__main__":
    raise SystemExit(main())
