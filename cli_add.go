package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"parley/model"
	"parley/store"
	"parley/ui/safetext"
)

// runAdd is `parley add`: capture a name from the shell and print what was
// saved. The arguments are checked before the notebook is opened, so a
// mistake writes nothing.
func runAdd(args []string, stdout io.Writer) error {
	// --db belongs to parley, not to the contact; take it out first.
	var dbPath string
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--db" || a == "-db":
			if i+1 >= len(args) {
				return errors.New("--db needs a value")
			}
			dbPath = args[i+1]
			i++
		case strings.HasPrefix(a, "--db=") || strings.HasPrefix(a, "-db="):
			dbPath = a[strings.IndexByte(a, '=')+1:]
		default:
			rest = append(rest, a)
		}
	}
	c, err := parseAddArgs(rest)
	if errors.Is(err, errAddHelp) {
		fmt.Fprintln(stdout, addUsage)
		return nil
	}
	if err != nil {
		return err
	}
	if dbPath == "" {
		if dbPath, err = store.DefaultPath(); err != nil {
			return err
		}
	}
	s, err := store.Open(dbPath)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.Verify(); err != nil {
		return err
	}
	now := time.Now()
	c.Created, c.Updated = now, now
	saved, err := s.PutContact(c)
	if err != nil {
		return err
	}
	// What was saved is user text going to a terminal: print it made safe.
	fmt.Fprintf(stdout, "Added %s (%s)", safetext.Line(saved.Name), saved.CurrentStage())
	for _, f := range [][2]string{{"org", saved.Organisation}, {"role", saved.Role}, {"email", saved.Email},
		{"tags", strings.Join(saved.Tags, ", ")}, {"note", saved.Notes}} {
		if f[1] != "" {
			fmt.Fprintf(stdout, "\n  %-6s %s", f[0]+":", safetext.Line(f[1]))
		}
	}
	fmt.Fprintln(stdout)
	return nil
}

// addUsage is the one-line synopsis of `parley add`, for its help and
// errors.
const addUsage = `usage: parley add "Name" [--org ORG] [--role ROLE] [--email EMAIL] [--tag TAG]... [--note NOTE]`

// errAddHelp is returned by parseAddArgs for -h or --help, so the caller
// prints addUsage and exits zero.
var errAddHelp = errors.New(addUsage)

// parseAddArgs reads the arguments of `parley add` (after "add") into a new
// contact at ToContact, for capturing a name on the go. Options may come
// before or after the name; --tag may be repeated. Every error is one plain
// line naming the problem — a missing name, an unknown option, an option
// without its value, an email that cannot be one — and no contact is
// returned with it, so the caller writes nothing. Created and Updated are
// left for the caller, who has the clock.
func parseAddArgs(args []string) (model.Contact, error) {
	var c model.Contact
	var tags tagList
	fs := flag.NewFlagSet("add", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.StringVar(&c.Organisation, "org", "", "")
	fs.StringVar(&c.Role, "role", "", "")
	fs.StringVar(&c.Email, "email", "", "")
	fs.StringVar(&c.Notes, "note", "", "")
	fs.Var(&tags, "tag", "")

	var names []string
	for {
		if err := fs.Parse(args); err != nil {
			return model.Contact{}, plainFlagError(err)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		// flag stops at the first argument that is not an option; take it
		// as (part of) the name and go on parsing, unless "--" ended the
		// options, in which case all the rest are names.
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			names = append(names, rest...)
			break
		}
		names = append(names, rest[0])
		args = rest[1:]
	}
	switch {
	case len(names) == 0 || strings.TrimSpace(strings.Join(names, "")) == "":
		return model.Contact{}, errors.New("add needs a name, like: parley add \"Ana Ruiz\" --org \"City Council\"")
	case len(names) > 1:
		return model.Contact{}, fmt.Errorf("add takes one name; put it in quotes: parley add %q", strings.Join(names, " "))
	}
	// Control, bidi and invisible characters can never be meant in a name,
	// an organisation, an email or a tag, so they are not saved there.
	c.Name = safetext.Clean(names[0])
	c.Organisation = safetext.Clean(c.Organisation)
	c.Role = strings.TrimSpace(c.Role)
	c.Email = safetext.Clean(c.Email)
	c.Notes = strings.TrimSpace(c.Notes)
	c.Tags = tags
	c.Stage = model.ToContact
	if msg := c.Validate(); msg != "" {
		return model.Contact{}, errors.New(msg)
	}
	return c, nil
}

// plainFlagError turns the flag package's messages into ours, with the
// double-dash spelling people type.
func plainFlagError(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return errAddHelp
	}
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		return fmt.Errorf("unknown option --%s (add knows --org, --role, --email, --tag, --note)", strings.TrimLeft(name, "-"))
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return fmt.Errorf("--%s needs a value", strings.TrimLeft(name, "-"))
	}
	if strings.HasPrefix(msg, "invalid value") {
		if i := strings.LastIndex(msg, ": "); i >= 0 {
			return errors.New(msg[i+2:])
		}
	}
	return errors.New(msg)
}

// tagList collects repeated --tag options, trimmed, skipping blanks and
// repeats, so `--tag policy --tag policy` stores one tag.
type tagList []string

func (t *tagList) String() string { return strings.Join(*t, ",") }

func (t *tagList) Set(v string) error {
	v = safetext.Clean(v)
	if v == "" {
		return errors.New("a tag cannot be empty")
	}
	for _, have := range *t {
		if strings.EqualFold(have, v) {
			return nil
		}
	}
	*t = append(*t, v)
	return nil
}
