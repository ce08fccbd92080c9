package model

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// AddUsage is the one-line synopsis of `parley add`, for its help and
// errors.
const AddUsage = `usage: parley add "Name" [--org ORG] [--role ROLE] [--email EMAIL] [--tag TAG]... [--note NOTE]`

// ErrAddHelp is returned by ParseAddArgs for -h or --help, so the caller
// prints AddUsage and exits zero.
var ErrAddHelp = errors.New(AddUsage)

// ParseAddArgs reads the arguments of `parley add` (after "add") into a new
// contact at ToContact, for capturing a name on the go. Options may come
// before or after the name; --tag may be repeated. Every error is one plain
// line naming the problem — a missing name, an unknown option, an option
// without its value, an email that cannot be one — and no contact is
// returned with it, so the caller writes nothing. Created and Updated are
// left for the caller, who has the clock.
func ParseAddArgs(args []string) (Contact, error) {
	var c Contact
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
			return Contact{}, plainFlagError(err)
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
		return Contact{}, errors.New("add needs a name, like: parley add \"Ana Ruiz\" --org \"City Council\"")
	case len(names) > 1:
		return Contact{}, fmt.Errorf("add takes one name; put it in quotes: parley add %q", strings.Join(names, " "))
	}
	c.Name = strings.TrimSpace(names[0])
	c.Organisation = strings.TrimSpace(c.Organisation)
	c.Role = strings.TrimSpace(c.Role)
	c.Email = strings.TrimSpace(c.Email)
	c.Notes = strings.TrimSpace(c.Notes)
	c.Tags = tags
	c.Stage = ToContact
	if msg := c.Validate(); msg != "" {
		return Contact{}, errors.New(msg)
	}
	return c, nil
}

// plainFlagError turns the flag package's messages into ours, with the
// double-dash spelling people type.
func plainFlagError(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return ErrAddHelp
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
	v = strings.TrimSpace(v)
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
