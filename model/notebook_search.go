package model

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// HitKind is the kind of record a search hit is in, which says where enter
// takes the user.
type HitKind uint8

// The kinds of searchable text, in the order hits are listed.
const (
	// HitContact is a contact's name, role, organisation and tags.
	HitContact HitKind = iota
	// HitResearch is the user's research notes on a contact.
	HitResearch
	// HitTakeaway is an interview's takeaways.
	HitTakeaway
	// HitNote is one paragraph of an interview's notes.
	HitNote
	// HitMessage is the copy of a message sent (a request, thank-you or
	// update on the timeline).
	HitMessage
	// HitTimeline is the text of any other timeline entry: a reply, a
	// call, a note to self.
	HitTimeline
)

func (k HitKind) String() string {
	switch k {
	case HitContact:
		return "contact"
	case HitResearch:
		return "research"
	case HitTakeaway:
		return "takeaway"
	case HitNote:
		return "interview notes"
	case HitMessage:
		return "message"
	case HitTimeline:
		return "timeline"
	}
	return "text"
}

// TimelineHitKind is the kind of hit a timeline entry's text is: a message
// the user sent, or anything else.
func TimelineHitKind(k InteractionKind) HitKind {
	switch k {
	case KindRequest, KindThankYou, KindUpdate:
		return HitMessage
	}
	return HitTimeline
}

// Place is where a text lives: enough to open the screen at it.
type Place struct {
	Kind      HitKind
	ContactID uint64
	// InterviewID is set for notes and takeaways.
	InterviewID uint64
	// Paragraph is the index in the interview's Notes, for HitNote.
	Paragraph int
	// EntryID is the timeline entry, for HitMessage and HitTimeline.
	EntryID uint64
}

// SearchSource is one searchable text and its place, as the store streams
// them.
type SearchSource struct {
	Place
	Text string
}

// ContactSearchText is the one line a contact is found by: name, role,
// organisation and tags.
func ContactSearchText(c Contact) string {
	parts := make([]string, 0, 4)
	for _, p := range []string{c.Name, c.Role, c.Organisation, strings.Join(c.Tags, ", ")} {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " · ")
}

// NotebookIndex is every text of the notebook, folded once, for the search
// that covers everything. A query is one scan of a single block of folded
// text, so its cost is that of strings.Index over the notebook, with no
// allocation per record.
//
// A NotebookIndex is read-only once built and safe for concurrent Finds.
type NotebookIndex struct {
	places []Place
	raw    []string
	// folded is every text folded (see foldForSearch), in place order,
	// each followed by a NUL so no match spans two texts.
	folded string
	// starts[i] is where text i begins in folded; starts[len] is its end.
	starts []int
	// plain[i] is true when text i is ASCII, whose folding keeps every
	// byte in place, so match offsets need no mapping back. (Equal lengths
	// would not do: one letter may fold shorter and another longer.)
	plain []bool
}

// IndexBuilder gathers texts for a NotebookIndex. Add is shaped to be
// handed straight to the store's stream.
type IndexBuilder struct {
	sources []SearchSource
}

// Add takes one text; blank texts are dropped.
func (b *IndexBuilder) Add(s SearchSource) {
	if strings.TrimSpace(s.Text) != "" {
		b.sources = append(b.sources, s)
	}
}

// Build indexes what was added, ordered by kind and, within a kind, newest
// record first (records with higher IDs were made later).
func (b *IndexBuilder) Build() *NotebookIndex {
	src := b.sources
	b.sources = nil
	slices.SortStableFunc(src, func(a, b SearchSource) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(b.recordID(), a.recordID()),
			cmp.Compare(a.Paragraph, b.Paragraph))
	})
	x := &NotebookIndex{places: make([]Place, len(src)), raw: make([]string, len(src)),
		starts: make([]int, len(src)+1), plain: make([]bool, len(src))}
	size := 0
	for _, s := range src {
		size += len(s.Text) + 1
	}
	var buf strings.Builder
	buf.Grow(size + size/16)
	for i, s := range src {
		x.places[i], x.raw[i] = s.Place, s.Text
		x.starts[i] = buf.Len()
		f := foldForSearch(s.Text)
		x.plain[i] = isASCII(s.Text)
		buf.WriteString(f)
		buf.WriteByte(0)
	}
	x.starts[len(src)] = buf.Len()
	x.folded = buf.String()
	return x
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func (s SearchSource) recordID() uint64 {
	switch s.Kind {
	case HitContact, HitResearch:
		return s.ContactID
	case HitTakeaway, HitNote:
		return s.InterviewID
	}
	return s.EntryID
}

// foldForSearch folds s as the contact filter does (fold) and turns line
// breaks and tabs into spaces, byte for byte, so a phrase typed with a
// space finds one broken across lines. NUL, which separates texts in the
// index, becomes a space too.
func foldForSearch(s string) string {
	f := fold(s)
	if strings.IndexAny(f, "\n\r\t\x00") < 0 {
		return f
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '\n', '\r', '\t', 0:
			return ' '
		}
		return r
	}, f)
}

// NormalizeSearch is a query as Find reads it: folded, with runs of spaces
// made one and the ends trimmed. A caller keeping the previous query for
// Refine compares these.
func NormalizeSearch(q string) string {
	return strings.Join(strings.Fields(foldForSearch(q)), " ")
}

// Len is the number of texts indexed.
func (x *NotebookIndex) Len() int { return len(x.places) }

// Hit is one text that contains the query: its place, and where the first
// match is in the folded text (turned into raw offsets by Snippet).
type Hit struct {
	Place
	// index is the index the hit came from: after a rebuild, an old hit's
	// positions mean nothing, and Refine and Snippet must not trust them.
	index *NotebookIndex
	text  int32
	at    int32
	query int32
}

// Find appends to dst[:0] every text containing q (see NormalizeSearch),
// one hit per text, in index order. A blank query finds nothing.
// NormalizeSearch is idempotent, so Refine may pass q already normalised.
func (x *NotebookIndex) Find(q string, dst []Hit) []Hit {
	dst = dst[:0]
	q = NormalizeSearch(q)
	if q == "" {
		return dst
	}
	from := 0
	for {
		k := strings.Index(x.folded[from:], q)
		if k < 0 {
			return dst
		}
		at := from + k
		i := sort.SearchInts(x.starts, at+1) - 1
		dst = append(dst, Hit{Place: x.places[i], index: x, text: int32(i), at: int32(at - x.starts[i]), query: int32(len(q))})
		from = x.starts[i+1]
	}
}

// Refine is Find for a search box: q is what the box holds now, prev what
// it held before and prevHits what that found. When q contains prev (the
// user typed one more letter) every text that contains q also contained
// prev, so only prevHits' texts are searched; otherwise everything is.
// Hits from another index (built before the notebook changed) are not
// trusted: everything is searched. dst may not share prevHits' memory.
func (x *NotebookIndex) Refine(q, prev string, prevHits, dst []Hit) []Hit {
	q, prev = NormalizeSearch(q), NormalizeSearch(prev)
	// Narrowing costs a search per previous hit; past half of the
	// texts one scan of everything is cheaper (measured on the demo).
	if prev == "" || q == "" || !strings.Contains(q, prev) || len(prevHits) > x.Len()/2 || !x.made(prevHits) {
		return x.Find(q, dst)
	}
	dst = dst[:0]
	for _, h := range prevHits {
		i := int(h.text)
		text := x.folded[x.starts[i] : x.starts[i+1]-1]
		if k := strings.Index(text, q); k >= 0 {
			dst = append(dst, Hit{Place: h.Place, index: x, text: h.text, at: int32(k), query: int32(len(q))})
		}
	}
	return dst
}

// made reports whether every hit came from x, so their positions hold.
func (x *NotebookIndex) made(hits []Hit) bool {
	for _, h := range hits {
		if h.index != x {
			return false
		}
	}
	return true
}

// Snippet is a match in its context, cut from the raw text: Start and End
// are the byte offsets of the match in Text. The text is as the user wrote
// it, control characters and all; whoever draws it makes it safe.
type Snippet struct {
	Text       string
	Start, End int
	// CutBefore and CutAfter report whether text was left out on that
	// side, for an ellipsis.
	CutBefore, CutAfter bool
}

// Snippet is h's match with about width characters of the text around it,
// split evenly before and after it, or more on one side when the other
// runs out. Width counts characters; wide characters make the snippet
// wider, and the drawer truncates. A hit from another index (one built
// before the notebook changed) has no snippet here.
func (x *NotebookIndex) Snippet(h Hit, width int) Snippet {
	if h.index != x {
		return Snippet{}
	}
	raw := x.raw[h.text]
	start, end := int(h.at), int(h.at+h.query)
	if !x.plain[h.text] {
		start, end = rawSpan(raw, start, end)
	}
	start, end = min(max(start, 0), len(raw)), min(max(end, start), len(raw))
	room := max(width-utf8.RuneCountInString(raw[start:end]), 0)
	lo, left := stepBack(raw, start, room/2)
	hi, spare := stepOn(raw, end, room-room/2+left)
	lo, _ = stepBack(raw, lo, spare)
	return Snippet{Text: raw[lo:hi], Start: start - lo, End: end - lo, CutBefore: lo > 0, CutAfter: hi < len(raw)}
}

// stepBack moves i back over up to n characters of s and says how many of
// the n were left because s began.
func stepBack(s string, i, n int) (int, int) {
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return i, n
}

// stepOn moves i on over up to n characters of s and says how many of the
// n were left because s ended.
func stepOn(s string, i, n int) (int, int) {
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i, n
}

// rawSpan maps the folded byte span [fa, fb) of raw's folded form back to
// raw, folding one character at a time as fold does to the whole. A span
// that begins or ends inside one character's folding ("s" of "ß") takes
// the whole character.
func rawSpan(raw string, fa, fb int) (ra, rb int) {
	ra, f := -1, 0
	for i := 0; i < len(raw); {
		_, size := utf8.DecodeRuneInString(raw[i:])
		f += len(fold(raw[i : i+size]))
		if ra < 0 && f > fa {
			ra = i
		}
		i += size
		if f >= fb {
			return max(ra, 0), i
		}
	}
	return max(ra, 0), len(raw)
}
