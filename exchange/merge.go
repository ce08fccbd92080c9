package exchange

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"parley/model"
	"parley/store"
)

// Existing is what the notebook already holds, as a merge needs it.
type Existing struct {
	store.NotebookSettings
	Contacts     []model.Contact
	Interviews   []model.Interview
	Interactions []model.Interaction
	Next         store.NextIDs
}

// ReadExisting reads what a merge needs from s, in one read transaction.
func ReadExisting(s *store.Store) (Existing, error) {
	var ex Existing
	if err := s.Walk(&ex); err != nil {
		return ex, err
	}
	next, err := s.NextIDs()
	ex.Next = next
	return ex, err
}

// Settings, Contact, Interview and Interaction make Existing a
// store.NotebookVisitor.
func (ex *Existing) Settings(st store.NotebookSettings) error { ex.NotebookSettings = st; return nil }

// Contact collects one contact.
func (ex *Existing) Contact(c model.Contact) error { ex.Contacts = append(ex.Contacts, c); return nil }

// Interview collects one interview.
func (ex *Existing) Interview(iv model.Interview) error {
	ex.Interviews = append(ex.Interviews, iv)
	return nil
}

// Interaction collects one timeline entry.
func (ex *Existing) Interaction(it model.Interaction) error {
	ex.Interactions = append(ex.Interactions, it)
	return nil
}

// Empty reports whether the notebook holds nothing of the user's: then an
// import is a restore, and every record keeps its ID.
func (ex Existing) Empty() bool {
	return len(ex.Contacts) == 0 && len(ex.Interviews) == 0 && len(ex.Interactions) == 0 &&
		len(ex.Templates) == 0 && reflect.ValueOf(ex.Bank).IsZero() && ex.Profile == (model.Profile{}) &&
		ex.DueRules == model.Defaults()
}

// Plan is what an import will write, and what it says about it.
type Plan struct {
	Batch store.ImportBatch
	// Added, Updated and Skipped say what happens to each record of the
	// file; Conflicts name records both sides changed and which side won.
	Added, Updated, Skipped, Conflicts []string
}

// Changes reports whether the plan writes anything.
func (p Plan) Changes() bool {
	b := p.Batch
	return b.Profile != nil || b.DueRules != nil || b.Bank != nil || len(b.Templates) > 0 ||
		len(b.Contacts) > 0 || len(b.Interviews) > 0 || len(b.Interactions) > 0
}

// identity is who a contact is, for matching: their email, and their name
// with their organisation, each folded (case, spaces).
type identity struct{ email, nameOrg string }

func identityOf(c model.Contact) identity {
	return identity{email: fold(c.Email), nameOrg: fold(c.Name) + "\x00" + fold(c.Organisation)}
}

func fold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func (a identity) same(b identity) bool {
	return (a.email != "" && a.email == b.email) || a.nameOrg == b.nameOrg
}

// contactIndex finds a notebook's contacts by ID, email and name with
// organisation.
type contactIndex struct {
	byID      map[uint64]model.Contact
	byEmail   map[string]model.Contact
	byNameOrg map[string]model.Contact
}

func newContactIndex() contactIndex {
	return contactIndex{map[uint64]model.Contact{}, map[string]model.Contact{}, map[string]model.Contact{}}
}

func (x contactIndex) add(c model.Contact) {
	x.byID[c.ID] = c
	id := identityOf(c)
	if _, ok := x.byEmail[id.email]; id.email != "" && !ok {
		x.byEmail[id.email] = c
	}
	if _, ok := x.byNameOrg[id.nameOrg]; !ok {
		x.byNameOrg[id.nameOrg] = c
	}
}

// match is the contact c is: the one with its ID if that is the same
// person, else the one with its email, else the one with its name and
// organisation.
func (x contactIndex) match(c model.Contact) (model.Contact, bool) {
	id := identityOf(c)
	if e, ok := x.byID[c.ID]; ok && c.ID != 0 && identityOf(e).same(id) {
		return e, true
	}
	if e, ok := x.byEmail[id.email]; ok && id.email != "" {
		return e, true
	}
	e, ok := x.byNameOrg[id.nameOrg]
	return e, ok
}

func describe(c model.Contact) string {
	if c.Organisation != "" {
		return fmt.Sprintf("%s (%s)", c.Name, c.Organisation)
	}
	return c.Name
}

// PlanImport plans bringing doc into the notebook ex describes. Into an
// empty notebook it is a restore: everything is taken as it is, IDs and
// all, so exporting again gives the same bytes. Otherwise it is a merge:
//
//   - a contact is the notebook's contact with the same ID if that one has
//     the same email or the same name and organisation, else the one with
//     the same email, else the one with the same name and organisation,
//     else a new contact (with a new ID);
//   - an interview is the matched contact's interview created at the same
//     moment; a timeline entry, the matched contact's entry of the same
//     kind at the same moment;
//   - of two versions of a record the newer change wins: for a contact the
//     later "updated", for an interview the higher "rev" (each save raises
//     it); on a tie the notebook's stays. A timeline entry has no time of
//     change: the notebook's stays. Every such difference is listed as a
//     conflict, with the side that won;
//   - the profile, the follow-up rules, the question bank and each
//     template are taken from the file where the notebook has none (never
//     set, never edited) and otherwise kept, any difference listed.
//
// A record the notebook already holds as it is in the file is skipped, so
// importing the same file twice changes nothing the second time.
func PlanImport(ex Existing, doc Document) Plan {
	var p Plan
	if ex.Empty() {
		return planRestore(doc)
	}
	p.planSettings(ex, doc.Settings)
	contactIDs := p.planContacts(ex, doc.Contacts, true)
	p.planInterviews(ex, doc.Interviews, contactIDs)
	p.planTimeline(ex, doc.Interactions, contactIDs)
	return p
}

// PlanContacts plans adding contacts read from another program's file
// (vCard, CSV): those the notebook already has (same email, or same name
// and organisation) are skipped, never changed, and so are repeats within
// the file.
func PlanContacts(ex Existing, contacts []model.Contact) Plan {
	var p Plan
	p.planContacts(ex, contacts, false)
	return p
}

func planRestore(doc Document) Plan {
	p := Plan{Batch: store.ImportBatch{
		Contacts: doc.Contacts, Interviews: doc.Interviews, Interactions: doc.Interactions,
	}}
	profile, rules, bank := doc.Profile, doc.FollowUpRules, doc.QuestionBank
	p.Batch.Profile, p.Batch.DueRules, p.Batch.Bank = &profile, &rules, &bank
	for _, t := range doc.Templates {
		p.Batch.Templates = append(p.Batch.Templates, t.doc())
		p.Added = append(p.Added, fmt.Sprintf("template %q", t.Name))
	}
	for _, c := range doc.Contacts {
		p.Added = append(p.Added, "contact "+describe(c))
	}
	if n := len(doc.Interviews); n > 0 {
		p.Added = append(p.Added, fmt.Sprintf("%d interview(s)", n))
	}
	if n := len(doc.Interactions); n > 0 {
		p.Added = append(p.Added, fmt.Sprintf("%d timeline entries", n))
	}
	p.Added = append(p.Added, "profile, follow-up rules and question bank")
	return p
}

func (p *Plan) planSettings(ex Existing, st Settings) {
	switch {
	case st.Profile == (model.Profile{}) || st.Profile.Trimmed() == ex.Profile:
	case ex.Profile == (model.Profile{}):
		profile := st.Profile
		p.Batch.Profile = &profile
		p.Updated = append(p.Updated, "your profile (the notebook had none)")
	default:
		p.Conflicts = append(p.Conflicts, "your profile differs: kept the notebook's")
	}
	rules := st.FollowUpRules.Normalized()
	switch {
	case rules == ex.DueRules:
	case ex.DueRules == model.Defaults():
		p.Batch.DueRules = &rules
		p.Updated = append(p.Updated, "follow-up rules (the notebook had the defaults)")
	default:
		p.Conflicts = append(p.Conflicts, "follow-up rules differ: kept the notebook's")
	}
	switch {
	case reflect.ValueOf(st.QuestionBank).IsZero() || sameJSON(st.QuestionBank, ex.Bank):
	case reflect.ValueOf(ex.Bank).IsZero():
		bank := st.QuestionBank
		p.Batch.Bank = &bank
		p.Updated = append(p.Updated, "question bank (the notebook's was untouched)")
	default:
		p.Conflicts = append(p.Conflicts, "question bank differs: kept the notebook's")
	}
	stored := map[string]model.TemplateDoc{}
	ownByName := map[string]model.TemplateDoc{}
	var lastOwn uint64
	for _, t := range ex.Templates {
		stored[t.ID] = t
		if n, ok := ownNumber(t.ID); ok {
			ownByName[fold(t.Name)] = t
			lastOwn = max(lastOwn, n)
		}
	}
	for _, t := range st.Templates {
		d := t.doc()
		have, ok := stored[d.ID]
		if _, own := ownNumber(d.ID); own {
			have, ok = ownByName[fold(d.Name)]
			if !ok {
				lastOwn++
				d.ID = model.UserTemplateID(lastOwn)
			}
		}
		switch {
		case !ok:
			p.Batch.Templates = append(p.Batch.Templates, d)
			p.Added = append(p.Added, fmt.Sprintf("template %q", d.Name))
		case have.Name == d.Name && have.Subject == d.Subject && have.Body == d.Body && have.Channel == d.Channel:
			p.Skipped = append(p.Skipped, fmt.Sprintf("template %q: already there", d.Name))
		default:
			p.Conflicts = append(p.Conflicts, fmt.Sprintf("template %q differs: kept the notebook's", d.Name))
		}
	}
}

func ownNumber(id string) (uint64, bool) {
	if !validTemplateID(id) || !strings.HasPrefix(id, model.UserTemplatePrefix) {
		return 0, false
	}
	var n uint64
	fmt.Sscan(strings.TrimPrefix(id, model.UserTemplatePrefix), &n)
	return n, true
}

// planContacts plans contacts and returns what each file ID became.
func (p *Plan) planContacts(ex Existing, in []model.Contact, newerWins bool) map[uint64]uint64 {
	notebook := newContactIndex()
	for _, c := range ex.Contacts {
		notebook.add(c)
	}
	fromFile := newContactIndex()
	ids := map[uint64]uint64{}
	next := ex.Next.Contact
	var taken []int // indexes into p.Batch.Contacts needing ReferredBy mapped
	for _, c := range in {
		if e, ok := notebook.match(c); ok {
			if c.ID != 0 {
				ids[c.ID] = e.ID
			}
			p.mergeContact(e, c, newerWins, &taken)
			continue
		}
		if e, ok := fromFile.match(model.Contact{Name: c.Name, Organisation: c.Organisation, Email: c.Email}); ok {
			if c.ID != 0 {
				ids[c.ID] = e.ID
			}
			p.Skipped = append(p.Skipped, fmt.Sprintf("contact %s: appears twice in the file (same email, or same name and organisation)", describe(c)))
			continue
		}
		fileID := c.ID
		c.ID = next
		next++
		if fileID != 0 {
			ids[fileID] = c.ID
		}
		fromFile.add(c)
		taken = append(taken, len(p.Batch.Contacts))
		p.Batch.Contacts = append(p.Batch.Contacts, c)
		p.Added = append(p.Added, "contact "+describe(c))
	}
	for _, i := range taken {
		c := &p.Batch.Contacts[i]
		c.ReferredBy = ids[c.ReferredBy]
		if c.ReferredBy == c.ID {
			c.ReferredBy = 0
		}
	}
	return ids
}

func (p *Plan) mergeContact(e, c model.Contact, newerWins bool, taken *[]int) {
	c.ID = e.ID
	mine := c
	mine.ReferredBy = e.ReferredBy // compared apart: IDs differ between notebooks
	switch {
	case sameJSON(mine, e):
		p.Skipped = append(p.Skipped, fmt.Sprintf("contact %s: already there", describe(e)))
	case !newerWins:
		p.Skipped = append(p.Skipped, fmt.Sprintf("contact %s: already there (kept as it is)", describe(e)))
	case c.Updated.After(e.Updated):
		*taken = append(*taken, len(p.Batch.Contacts))
		p.Batch.Contacts = append(p.Batch.Contacts, c)
		p.Updated = append(p.Updated, "contact "+describe(c))
		p.Conflicts = append(p.Conflicts, fmt.Sprintf("contact %s differs: took the file's, changed later", describe(c)))
	default:
		p.Skipped = append(p.Skipped, fmt.Sprintf("contact %s: the notebook's is as new or newer", describe(e)))
		p.Conflicts = append(p.Conflicts, fmt.Sprintf("contact %s differs: kept the notebook's, changed as late or later", describe(e)))
	}
}

func (p *Plan) planInterviews(ex Existing, in []model.Interview, contactIDs map[uint64]uint64) {
	type key struct {
		contact uint64
		created int64
	}
	have := map[key]model.Interview{}
	for _, iv := range ex.Interviews {
		have[key{iv.ContactID, iv.Created.UnixNano()}] = iv
	}
	next := ex.Next.Interview
	for _, iv := range in {
		iv.ContactID = contactIDs[iv.ContactID]
		for j := range iv.WrapUp.Referrals {
			iv.WrapUp.Referrals[j].ContactID = contactIDs[iv.WrapUp.Referrals[j].ContactID]
		}
		what := fmt.Sprintf("interview of %s", iv.Created.Format("2006-01-02 15:04"))
		e, ok := have[key{iv.ContactID, iv.Created.UnixNano()}]
		if !ok {
			iv.ID = next
			next++
			p.Batch.Interviews = append(p.Batch.Interviews, iv)
			p.Added = append(p.Added, what)
			continue
		}
		iv.ID = e.ID
		switch {
		case sameJSON(interviewOf(iv), interviewOf(e)):
			p.Skipped = append(p.Skipped, what+": already there")
		case iv.Rev > e.Rev:
			p.Batch.Interviews = append(p.Batch.Interviews, iv)
			p.Updated = append(p.Updated, what)
			p.Conflicts = append(p.Conflicts, what+" differs: took the file's, saved more often")
		default:
			p.Skipped = append(p.Skipped, what+": the notebook's is as new or newer")
			p.Conflicts = append(p.Conflicts, what+" differs: kept the notebook's, saved as often or more")
		}
	}
}

func (p *Plan) planTimeline(ex Existing, in []model.Interaction, contactIDs map[uint64]uint64) {
	type key struct {
		contact uint64
		kind    model.InteractionKind
		at      int64
	}
	have := map[key]model.Interaction{}
	for _, it := range ex.Interactions {
		have[key{it.ContactID, it.Kind, it.At.UnixNano()}] = it
	}
	next := ex.Next.Interaction
	added := 0
	for _, it := range in {
		it.ContactID = contactIDs[it.ContactID]
		k := key{it.ContactID, it.Kind, it.At.UnixNano()}
		what := fmt.Sprintf("timeline entry %s of %s", it.Kind, it.At.Format("2006-01-02 15:04"))
		e, ok := have[k]
		switch {
		case !ok:
			it.ID = next
			next++
			have[k] = it
			p.Batch.Interactions = append(p.Batch.Interactions, it)
			added++
		case e.Text == it.Text && e.Channel == it.Channel:
			p.Skipped = append(p.Skipped, what+": already there")
		default:
			p.Skipped = append(p.Skipped, what+": the notebook has its own")
			p.Conflicts = append(p.Conflicts, what+" differs: kept the notebook's")
		}
	}
	if added > 0 {
		p.Added = append(p.Added, fmt.Sprintf("%d timeline entries", added))
	}
}

func sameJSON(a, b any) bool {
	ja, err1 := json.Marshal(a)
	jb, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && string(ja) == string(jb)
}
