// Package vcard reads contacts from vCard files (2.1, 3.0 and 4.0, many
// cards to a file, as phones, Google, Apple and khard write them) and
// writes them as vCard 4.0, on github.com/emersion/go-vcard.
package vcard

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime/quotedprintable"
	"slices"
	"strings"
	"time"

	govcard "github.com/emersion/go-vcard"

	"parley/model"
	"parley/ui/safetext"
)

// FoundVia is what a contact read from a vCard file is marked as found
// through.
const FoundVia = "vCard import"

// maxCards bounds how many cards one file may hold.
const maxCards = 1_000_000

// Read reads every card of r as a contact, created and updated at now. A
// card that cannot be read stops it with an error naming the card's first
// line; a card without a name is an error too, since a contact needs one.
func Read(r io.Reader, now time.Time) ([]model.Contact, error) {
	var out []model.Contact
	err := splitCards(r, func(line int, card []byte) error {
		if len(out) == maxCards {
			return fmt.Errorf("more than %d cards", maxCards)
		}
		c, err := govcard.NewDecoder(bytes.NewReader(card)).Decode()
		if err != nil {
			return fmt.Errorf("the card at line %d: %s", line, strings.TrimPrefix(err.Error(), "vcard: "))
		}
		contact, err := contactOf(c, now)
		if err != nil {
			return fmt.Errorf("the card at line %d: %w", line, err)
		}
		out = append(out, contact)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, errors.New("no vCards in the file (each starts with BEGIN:VCARD)")
	}
	return out, nil
}

// splitCards hands each BEGIN:VCARD … END:VCARD block of r to f with the
// line it starts on, so an error can name it. Blank lines between cards
// are allowed; anything else outside a card is an error.
func splitCards(r io.Reader, f func(line int, card []byte) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	var card []byte
	start, n, depth := 0, 0, 0
	for sc.Scan() {
		n++
		raw := sc.Bytes()
		if n == 1 {
			raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
		}
		text := strings.ToUpper(strings.TrimSpace(string(raw)))
		switch {
		case text == "BEGIN:VCARD":
			if depth > 0 {
				return fmt.Errorf("line %d: a card begins inside the card that began at line %d", n, start)
			}
			depth, start, card = 1, n, card[:0]
		case depth == 0 && text == "":
			continue
		case depth == 0:
			return fmt.Errorf("line %d: text outside a card (a card starts with BEGIN:VCARD)", n)
		}
		if len(raw) > 0 && raw[0] != ' ' && raw[0] != '\t' {
			raw = bareParams(raw)
		}
		card = append(card, raw...)
		card = append(card, '\n')
		if text == "END:VCARD" {
			depth = 0
			if err := f(start, card); err != nil {
				return err
			}
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return fmt.Errorf("line %d is longer than 16 MB", n+1)
		}
		return err
	}
	if depth > 0 {
		return fmt.Errorf("the card at line %d has no END:VCARD", start)
	}
	return nil
}

// bareParams rewrites vCard 2.1's bare parameters (TEL;CELL;PREF:…) as
// TYPE=… ones (TEL;TYPE=CELL;TYPE=PREF:…), which the library reads; it
// would take a bare one's value for the parameter's.
func bareParams(line []byte) []byte {
	end := bytes.IndexByte(line, ':')
	if end < 0 || bytes.IndexByte(line[:end], '"') >= 0 {
		return line
	}
	parts := bytes.Split(line[:end], []byte(";"))
	changed := false
	for i := 1; i < len(parts); i++ {
		if len(parts[i]) > 0 && bytes.IndexByte(parts[i], '=') < 0 {
			parts[i] = append([]byte("TYPE="), parts[i]...)
			changed = true
		}
	}
	if !changed {
		return line
	}
	return append(bytes.Join(parts, []byte(";")), line[end:]...)
}

// contactOf is the contact a card describes.
func contactOf(card govcard.Card, now time.Time) (model.Contact, error) {
	c := model.Contact{FoundVia: FoundVia, Created: now, Updated: now}
	c.Name = safetext.Clean(value(card.Preferred(govcard.FieldFormattedName)))
	if c.Name == "" {
		if n := card.Name(); n != nil {
			n := decoded(n.Field)
			parts := components(n)
			given, family := at(parts, 1), at(parts, 0)
			c.Name = safetext.Clean(strings.TrimSpace(given + " " + family))
		}
	}
	if c.Name == "" {
		return c, errors.New("it has no name (FN or N)")
	}
	if org := card.Preferred(govcard.FieldOrganization); org != nil {
		parts := components(decoded(org))
		c.Organisation = safetext.Clean(strings.Join(slices.DeleteFunc(parts, func(s string) bool { return strings.TrimSpace(s) == "" }), ", "))
	}
	c.Role = safetext.Clean(value(card.Preferred(govcard.FieldTitle)))
	if c.Role == "" {
		c.Role = safetext.Clean(value(card.Preferred(govcard.FieldRole)))
	}
	var notes []string
	emails := values(card, govcard.FieldEmail)
	for i, e := range emails {
		if i == 0 && model.IsEmail(e) {
			c.Email = e
		} else {
			notes = append(notes, "Email: "+e)
		}
	}
	phones := values(card, govcard.FieldTelephone)
	for i, p := range phones {
		p = strings.TrimPrefix(p, "tel:")
		if i == 0 && model.IsPhone(p) {
			c.Phone = p
		} else {
			notes = append(notes, "Phone: "+p)
		}
	}
	urls := values(card, govcard.FieldURL)
	for i, u := range urls {
		if i == 0 && model.IsWebAddress(u) {
			c.ProfileURL = u
		} else {
			notes = append(notes, "Web: "+u)
		}
	}
	for _, f := range card[govcard.FieldCategories] {
		for _, t := range strings.Split(decoded(f), ",") {
			if t = strings.ToLower(safetext.Clean(t)); t != "" && !slices.Contains(c.Tags, t) {
				c.Tags = append(c.Tags, t)
			}
		}
	}
	for _, f := range card[govcard.FieldNote] {
		if n := strings.TrimSpace(decoded(f)); n != "" {
			notes = append([]string{n}, notes...)
		}
	}
	c.Notes = strings.Join(notes, "\n")
	return c, nil
}

// values are the non-empty values of every field k, preferred first (as
// PREF or TYPE=pref say), grouped ones (item1.EMAIL) included.
func values(card govcard.Card, k string) []string {
	fields := slices.Clone(card[k])
	slices.SortStableFunc(fields, func(a, b *govcard.Field) int { return pref(a) - pref(b) })
	var out []string
	for _, f := range fields {
		if v := safetext.Clean(decoded(f)); v != "" && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// pref ranks a field: lower is preferred. vCard 4.0 says PREF=1..100;
// 3.0 and 2.1 say TYPE=pref or a bare PREF.
func pref(f *govcard.Field) int {
	if f.Params.HasType("pref") {
		return 0
	}
	if p := f.Params.Get(govcard.ParamPreferred); p != "" {
		var n int
		if _, err := fmt.Sscan(p, &n); err == nil && n >= 1 && n <= 100 {
			return n
		}
	}
	if _, ok := f.Params["PREF"]; ok {
		return 1
	}
	return 101
}

func value(f *govcard.Field) string {
	if f == nil {
		return ""
	}
	return decoded(f)
}

// decoded is f's value, quoted-printable decoded where vCard 2.1 says so.
func decoded(f *govcard.Field) string {
	if !strings.EqualFold(f.Params.Get("ENCODING"), "QUOTED-PRINTABLE") {
		if !f.Params.HasType("quoted-printable") {
			return f.Value
		}
	}
	b, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(f.Value)))
	if err != nil {
		return f.Value
	}
	return string(b)
}

// components splits a structured value (N, ORG) at semicolons that are
// not escaped, and unescapes \; in each part.
func components(v string) []string {
	var out []string
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		switch {
		case v[i] == '\\' && i+1 < len(v) && v[i+1] == ';':
			b.WriteByte(';')
			i++
		case v[i] == ';':
			out = append(out, b.String())
			b.Reset()
		default:
			b.WriteByte(v[i])
		}
	}
	return append(out, b.String())
}

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}

// Write writes contacts as vCard 4.0, one card each, in the order given.
// Read gives back their name, organisation, title, email, phone, web
// address, notes and tags.
func Write(w io.Writer, contacts []model.Contact) error {
	enc := govcard.NewEncoder(w)
	for _, c := range contacts {
		card := govcard.Card{}
		card.SetValue(govcard.FieldVersion, "4.0")
		card.SetValue(govcard.FieldFormattedName, c.Name)
		card.SetValue(govcard.FieldName, ";"+escapeComponent(c.Name)+";;;")
		if c.ID != 0 {
			card.SetValue(govcard.FieldUID, fmt.Sprintf("urn:parley:contact:%d", c.ID))
		}
		set := func(k, v string) {
			if v != "" {
				card.SetValue(k, v)
			}
		}
		set(govcard.FieldOrganization, escapeComponent(c.Organisation))
		set(govcard.FieldTitle, c.Role)
		set(govcard.FieldEmail, c.Email)
		set(govcard.FieldTelephone, c.Phone)
		set(govcard.FieldURL, c.ProfileURL)
		set(govcard.FieldNote, c.Notes)
		if len(c.Tags) > 0 {
			card.SetCategories(c.Tags)
		}
		if !c.Updated.IsZero() {
			card.SetRevision(c.Updated.UTC())
		}
		if err := enc.Encode(card); err != nil {
			return err
		}
	}
	return nil
}

func escapeComponent(s string) string { return strings.ReplaceAll(s, ";", `\;`) }
