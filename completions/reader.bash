# bash completion for reader(1): written by scripts/packaging_files.py from the command
# line's parser (do not edit). Installed as share/bash-completion/completions/reader, or
# sourced from ~/.bashrc.
_reader() {
    local cur prev command="" i opts words="" given=0
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    # The command: the first word that is neither an option nor an option's value; the
    # words given after it are counted.
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            --before|--config|--data-dir|--feed|--format|--from-newsboat|--headlines-older-than|--max-download|--max-size|--older-than|--output|--port|--read-from|--read-since|--saved-flags|--saved-since|--search|--since|--style|--tag|--theme|--title|--url|--version|--wait|-o) ((i++)) ;;
            -*) ;;
            *) if [[ -z $command ]]; then command=${COMP_WORDS[i]}; else ((given++)); fi ;;
        esac
    done
    case "$command $prev" in
        *" --before") COMPREPLY=(); return ;;
        *" --config") COMPREPLY=($(compgen -f -- "$cur")); return ;;
        *" --data-dir") COMPREPLY=($(compgen -d -- "$cur")); return ;;
        *" --feed") COMPREPLY=(); return ;;
        "export --format") COMPREPLY=($(compgen -W 'opml markdown text html epub json' -- "$cur")); return ;;
        "show --format") COMPREPLY=($(compgen -W 'text markdown json citation csl-json bibtex ris' -- "$cur")); return ;;
        "highlights --format") COMPREPLY=($(compgen -W 'markdown json' -- "$cur")); return ;;
        "diff --format") COMPREPLY=($(compgen -W 'text json' -- "$cur")); return ;;
        "extract --format") COMPREPLY=($(compgen -W 'text markdown json' -- "$cur")); return ;;
        *" --from-newsboat") COMPREPLY=($(compgen -f -- "$cur")); return ;;
        *" --headlines-older-than") COMPREPLY=(); return ;;
        *" --max-download") COMPREPLY=(); return ;;
        *" --max-size") COMPREPLY=(); return ;;
        *" --older-than") COMPREPLY=(); return ;;
        *" --output") COMPREPLY=($(compgen -f -- "$cur")); return ;;
        *" --port") COMPREPLY=(); return ;;
        *" --read-from") COMPREPLY=($(compgen -f -- "$cur")); return ;;
        *" --read-since") COMPREPLY=(); return ;;
        *" --saved-flags") COMPREPLY=(); return ;;
        *" --saved-since") COMPREPLY=(); return ;;
        *" --search") COMPREPLY=(); return ;;
        *" --since") COMPREPLY=(); return ;;
        *" --style") COMPREPLY=($(compgen -W 'block chicago apa mla' -- "$cur")); return ;;
        *" --tag") COMPREPLY=(); return ;;
        *" --theme") COMPREPLY=($(compgen -W 'dark light terminal' -- "$cur")); return ;;
        *" --title") COMPREPLY=(); return ;;
        *" --url") COMPREPLY=(); return ;;
        *" --version") COMPREPLY=(); return ;;
        *" --wait") COMPREPLY=(); return ;;
        *" -o") COMPREPLY=($(compgen -f -- "$cur")); return ;;
    esac
    case $command in
        "") opts='-h --help --version --data-dir --config --theme' ;;
        add) opts='-h --help --data-dir --config --title --keep --all' ;;
        remove) opts='-h --help --data-dir --config --failing --gone --dry-run' ;;
        rename) opts='-h --help --data-dir --config' ;;
        tag) opts='-h --help --data-dir --config' ;;
        untag) opts='-h --help --data-dir --config' ;;
        import) opts='-h --help --data-dir --config --read-from --saved-flags --saved --fetch-local' ;;
        export) opts='-h --help --data-dir --config --format -o --output --feed --tag --saved --unread --highlighted --since --before --read-since --saved-since --search --not-exported --no-notes --no-passwords --title --no-pictures --earlier-copies -q --quiet' ;;
        feeds) opts='-h --help --data-dir --config --json --failing' ;;
        search-feed) opts='-h --help --data-dir --config'; words='add remove rename list' ;;
        sync) opts='-h --help --data-dir --config --no-articles --no-pictures --max-download --wait --tag -q --quiet' ;;
        list) opts='-h --help --data-dir --config --feed --tag --unread --saved --archived --corrected --not-offline --since --before --read-since --saved-since --search --json --ids' ;;
        show) opts='-h --help --data-dir --config --offline --format --style --version --refresh' ;;
        highlights) opts='-h --help --data-dir --config --format --style' ;;
        diff) opts='-h --help --data-dir --config --format' ;;
        reextract) opts='-h --help --data-dir --config --all --outdated -q --quiet' ;;
        mark-read) opts='-h --help --data-dir --config --feed --tag --before' ;;
        mark-unread) opts='-h --help --data-dir --config --feed --tag --before' ;;
        save) opts='-h --help --data-dir --config --offline' ;;
        unsave) opts='-h --help --data-dir --config' ;;
        archive) opts='-h --help --data-dir --config' ;;
        unarchive) opts='-h --help --data-dir --config' ;;
        forget) opts='-h --help --data-dir --config' ;;
        cache) opts='-h --help --data-dir --config --older-than --max-size --headlines-older-than --dry-run --json'; words='prune' ;;
        repair) opts='-h --help --data-dir --config --dry-run' ;;
        config) opts='-h --help --data-dir --config --path --from-newsboat' ;;
        extract) opts='-h --help --data-dir --config --url --format' ;;
        demo) opts='-h --help --data-dir --config --serve --port --theme' ;;
        *) opts="" ;;
    esac
    if [[ -z $command && $cur != -* ]]; then
        COMPREPLY=($(compgen -W 'add remove rename tag untag import export feeds search-feed sync list show highlights diff reextract mark-read mark-unread save unsave archive unarchive forget cache repair config extract demo' -- "$cur"))
    elif [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    elif [[ -n $words && $given == 0 ]]; then
        COMPREPLY=($(compgen -W "$words" -- "$cur"))
    else
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}
complete -o filenames -F _reader reader
