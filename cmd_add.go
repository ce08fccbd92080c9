package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"parley/model"
	"parley/store"
	"parley/ui/safetext"
)

// addOptions are the options of `parley add`, as typed.
type addOptions struct {
	org, role, email, phone, field, url, location, foundVia string
	referredBy, stage, note                                 string
	tags                                                    tagList
	force                                                   bool
}

func newAddCmd(app *cli) *cobra.Command {
	var opts addOptions
	cmd := &cobra.Command{
		Use:   `add "NAME"`,
		Short: "Add a contact without opening the notebook",
		Long: `Add a contact without opening the notebook, and print what was saved.

Options may come before or after the name; put the name in quotes. Everything
is checked before anything is written, so a mistake writes nothing.

A contact with the same email, or the same name and organisation, as one
already in the notebook is not added twice: add says which one it is, and
--force adds it anyway.

--referred-by takes the name of a contact already in the notebook, or part of
it, or #ID; when it could be several people, add names them and writes
nothing. A referred contact is found via "referral" unless --found-via says
otherwise.`,
		Example: `  parley add "Ana Ruiz" --org "City Council" --email ana@example.org --tag policy
  parley add "Bo Li" --referred-by ana --note "knows the housing team"`,
		Args: checkAddNames,
		RunE: func(_ *cobra.Command, names []string) error {
			c, err := opts.contact(names)
			if err != nil {
				return err
			}
			return app.add(c, opts.referredBy, opts.force)
		},
	}
	opts.bind(cmd.Flags())
	cmd.RegisterFlagCompletionFunc("referred-by", app.completeContactNames)
	cmd.RegisterFlagCompletionFunc("stage", completeWords(strings.Split(stageNames(), ", ")))
	cmd.RegisterFlagCompletionFunc("found-via", completeWords(model.FoundViaSources()))
	return cmd
}

// bind declares add's options on fs.
func (o *addOptions) bind(fs *pflag.FlagSet) {
	fs.StringVar(&o.org, "org", "", "the `organisation` they work for")
	fs.StringVar(&o.role, "role", "", "their `role` or job title")
	fs.StringVar(&o.email, "email", "", "their email `address`")
	fs.StringVar(&o.phone, "phone", "", "their phone `number`")
	fs.StringVar(&o.field, "field", "", "the `field` they work in")
	fs.StringVar(&o.url, "url", "", "a profile `link` (example.org/ana)")
	fs.StringVar(&o.location, "location", "", "where they are (a `place`)")
	fs.StringVar(&o.foundVia, "found-via", "", "how you found them (`how`: referral, professor, …)")
	fs.StringVar(&o.referredBy, "referred-by", "", "the contact who gave you this `name`")
	fs.StringVar(&o.stage, "stage", "", "where they are in your pipeline (`stage`: "+stageNames()+"; default to-contact)")
	fs.Var(&o.tags, "tag", "a `tag`; repeat for more")
	fs.StringVar(&o.note, "note", "", "a `note` about them")
	fs.BoolVar(&o.force, "force", false, "add even if the notebook has someone with the same email, or name and organisation")
}

// checkAddNames wants exactly one non-blank name, and says how to quote a
// name given as several words.
func checkAddNames(cmd *cobra.Command, names []string) error {
	switch {
	case len(names) == 0 || strings.TrimSpace(strings.Join(names, "")) == "":
		return usageErrorf(cmd, "add needs a name, like: parley add \"Ana Ruiz\" --org \"City Council\"")
	case len(names) > 1:
		return usageErrorf(cmd, "add takes one name; put it in quotes: parley add %q", strings.Join(names, " "))
	}
	return nil
}

// contact turns the options and the name into a new contact, checking all
// that can be checked without the notebook. Every error is one plain line
// naming the problem, and no contact is returned with it, so the caller
// writes nothing. Created, Updated and ReferredBy are left for the caller,
// who has the clock and the notebook.
func (o *addOptions) contact(names []string) (model.Contact, error) {
	if err := checkAddNames(&cobra.Command{Use: "add"}, names); err != nil {
		return model.Contact{}, err
	}
	stage := model.ToContact
	if strings.TrimSpace(o.stage) != "" {
		var err error
		if stage, err = parseStage(o.stage); err != nil {
			return model.Contact{}, err
		}
	}
	// Control, bidi and invisible characters can never be meant in a
	// one-line field, so they are not saved there. Notes keep what was typed.
	c := model.Contact{
		Name:         safetext.Clean(names[0]),
		Organisation: safetext.Clean(o.org),
		Role:         safetext.Clean(o.role),
		Email:        safetext.Clean(o.email),
		Phone:        safetext.Clean(o.phone),
		Field:        safetext.Clean(o.field),
		ProfileURL:   safetext.Clean(o.url),
		Location:     safetext.Clean(o.location),
		FoundVia:     safetext.Clean(o.foundVia),
		Notes:        strings.TrimSpace(o.note),
		Tags:         append([]string(nil), o.tags...),
		Stage:        stage,
	}
	if strings.TrimSpace(o.referredBy) != "" && c.FoundVia == "" {
		c.FoundVia = model.FoundReferral
	}
	if msg := c.Validate(); msg != "" {
		return model.Contact{}, errors.New(msg)
	}
	return c, nil
}

// add saves c in the notebook and prints what was saved. referredBy names
// the referrer as typed; a duplicate is refused unless force is set.
func (app *cli) add(c model.Contact, referredBy string, force bool) error {
	path, err := app.notebookPath()
	if err != nil {
		return err
	}
	// A quick capture never asks for a passphrase: an encrypted notebook
	// is read only with --passphrase-file, else the contact is spooled,
	// sealed to the notebook's key.
	var s *store.Store
	if app.passphraseFile != "" {
		s, err = app.openWith(path, store.Open)
	} else {
		s, err = store.Open(path)
	}
	if errors.Is(err, store.ErrLocked) {
		return app.spoolAdd(path, c, referredBy, spoolBusy)
	}
	if errors.Is(err, store.ErrNeedsPassphrase) {
		return app.spoolAdd(path, c, referredBy, spoolEncrypted)
	}
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.Verify(); err != nil {
		return err
	}
	contacts, err := s.Contacts()
	if err != nil {
		return err
	}
	var referrer model.Contact
	if strings.TrimSpace(referredBy) != "" {
		if referrer, err = findContact(contacts, referredBy); err != nil {
			return fmt.Errorf("--referred-by: %w", err)
		}
		c.ReferredBy = referrer.ID
	}
	if have, why, dup := findDuplicate(contacts, c); dup && !force {
		return fmt.Errorf("not added: %s is already in the notebook with %s; --force adds another", describeContact(have), why)
	}
	now := app.now()
	c.Created, c.Updated = now, now
	saved, err := s.PutContact(c)
	if err != nil {
		return err
	}
	printAdded(app, saved, referrer)
	return nil
}

// spoolReason says why add spools instead of saving, in its messages.
type spoolReason struct {
	because, referredBy, queued string
}

var (
	spoolBusy = spoolReason{"the notebook is open in another Parley",
		"add without it and set it there, or close that Parley first",
		"which takes it in within about a second if it is the one on screen, else when the notebook is next opened"}
	spoolEncrypted = spoolReason{"the notebook is encrypted",
		"give --passphrase-file, or add without it",
		"sealed to the notebook's key; it is taken in when the notebook is next opened with its passphrase"}
)

// spoolAdd leaves c in the spool beside the notebook, for a notebook that
// another Parley holds open or that is encrypted: it is saved when the
// notebook is next opened. Nothing in the notebook can be read meanwhile,
// so a referrer cannot be looked up and duplicates cannot be checked; the
// first is refused, the second said.
func (app *cli) spoolAdd(path string, c model.Contact, referredBy string, why spoolReason) error {
	if strings.TrimSpace(referredBy) != "" {
		return fmt.Errorf("%s, so --referred-by cannot look the name up; %s", why.because, why.referredBy)
	}
	now := app.now()
	c.Created, c.Updated = now, now
	if _, err := store.SpoolContact(path, c, now); err != nil {
		return fmt.Errorf("%s, and %w", why.because, err)
	}
	fmt.Fprintf(app.stdout, "Queued %s (%s): %s, %s (not checked for duplicates)",
		safetext.Line(c.Name), c.CurrentStage(), why.because, why.queued)
	printFields(app, c, model.Contact{})
	return nil
}

// printAdded shows what was saved. It is user text going to a terminal:
// every line is made safe.
func printAdded(app *cli, saved, referrer model.Contact) {
	fmt.Fprintf(app.stdout, "Added %s (%s)", safetext.Line(saved.Name), saved.CurrentStage())
	printFields(app, saved, referrer)
}

// printFields lists c's fields, one a line, each made safe, after the
// line printAdded or spoolAdd began.
func printFields(app *cli, saved, referrer model.Contact) {
	referred := ""
	if saved.ReferredBy != 0 {
		referred = describeContact(referrer)
	}
	for _, f := range [][2]string{{"org", saved.Organisation}, {"role", saved.Role}, {"email", saved.Email},
		{"phone", saved.Phone}, {"field", saved.Field}, {"url", saved.ProfileURL}, {"place", saved.Location},
		{"found", saved.FoundVia}, {"by", referred},
		{"tags", strings.Join(saved.Tags, ", ")}, {"note", saved.Notes}} {
		if f[1] != "" {
			fmt.Fprintf(app.stdout, "\n  %-6s %s", f[0]+":", safetext.Line(f[1]))
		}
	}
	fmt.Fprintln(app.stdout)
}

// tagList collects repeated --tag options, trimmed, skipping blanks and
// repeats, so `--tag policy --tag policy` stores one tag.
type tagList []string

func (t *tagList) String() string { return strings.Join(*t, ",") }

// Type names the value in help.
func (t *tagList) Type() string { return "tag" }

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
