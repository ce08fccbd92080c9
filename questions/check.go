package questions

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
)

// HintKind names what a Hint is about, so a screen can pick an icon or
// suppress a kind the user has dismissed.
type HintKind string

// The kinds of hint Check gives.
const (
	// HintYesNo: the question can be answered with a bare yes or no.
	HintYesNo HintKind = "yes-no"
	// HintJobAsk: the question seems to ask the person for a job, an
	// internship or to take a résumé.
	HintJobAsk HintKind = "job-ask"
)

// Hint is a gentle remark about a question being written. It never blocks
// saving: the user may know better.
type Hint struct {
	Kind    HintKind
	Message string
}

// The hints' words, written to be read at a glance while typing.
const (
	msgYesNo  = "This could be answered with a plain yes or no. Starting with What, How or Why invites a fuller story."
	msgJobAsk = "This may sound like asking them for a job. An informational interview is for advice and information; share a résumé only if they ask for it."
)

// Check looks at a question as it is written and returns hints, at most
// one of each kind, in a stable order (yes/no first). Nil means nothing to
// remark.
//
// Yes/no rule: a sentence that ends in "?" (or the unfinished last one)
// starts with an auxiliary verb — do, is, are, can, could, would, have,
// should and the like, contractions included — after skipping fillers
// ("so", "and", "well") and a short lead-in clause of up to four words
// ("So, do you…", "In your experience, is it…"); "I was wondering
// if/whether…" counts too. Polite openers that really invite a story are
// exempt: "Could you tell/describe/explain/walk me…", "Would you mind
// telling…", "May I ask how…".
//
// Job rule: phrases that ask this person for a place, not about how places
// work in the field — "hire me", "are you hiring", "any openings (on your
// team)?", "do you take interns", "could I intern with you", "a job for
// me", "refer me", "send you my résumé/CV", "look over my CV". Questions
// about jobs, internships or résumés in general ("How did you find your
// first job?", "What should a CV in this field show?") pass.
func Check(text string) []Hint {
	var hints []Hint
	if yesNo(text) {
		hints = append(hints, Hint{Kind: HintYesNo, Message: msgYesNo})
	}
	if jobAsk(text) {
		hints = append(hints, Hint{Kind: HintJobAsk, Message: msgJobAsk})
	}
	return hints
}

// auxiliaries open closed questions.
var auxiliaries = setOf(`do does did is are was were am can could would will
	have has had should shall may might must
	don't doesn't didn't isn't aren't wasn't weren't can't couldn't wouldn't
	won't haven't hasn't hadn't shouldn't mightn't mustn't`)

// fillers are words people put before the real start of a question.
var fillers = setOf(`so and but also ok okay well now then oh just right alright`)

// whWords open questions that cannot be answered yes or no.
var whWords = setOf(`what what's whats how how's why where where's when which who who's whom whose`)

// tellVerbs follow "could you" in polite requests for a story.
var tellVerbs = setOf(`tell describe explain walk talk share elaborate expand outline sketch paint give help`)

// mindVerbs follow "would you mind" in polite requests for a story.
var mindVerbs = setOf(`telling describing explaining sharing walking talking`)

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// yesNo applies the yes/no rule documented on Check.
func yesNo(text string) bool {
	for _, s := range questionSentences(NormalizeText(text) + trailingMark(text)) {
		if closedSentence(s) {
			return true
		}
	}
	return false
}

// trailingMark restores the "?" NormalizeText strips, so the last sentence
// is still known to be a question.
func trailingMark(text string) string {
	if strings.HasSuffix(strings.TrimSpace(text), "?") {
		return "?"
	}
	return ""
}

// questionSentences splits text into sentences and keeps those ending in
// "?" plus an unfinished last one, which is what the user is typing.
func questionSentences(text string) []string {
	var out []string
	start := 0
	for i, r := range text {
		switch r {
		case '?':
			out = append(out, text[start:i])
			start = i + 1
		case '.', '!':
			start = i + 1
		}
	}
	if rest := strings.TrimSpace(text[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// closedSentence applies the yes/no rule to one sentence.
func closedSentence(s string) bool {
	clauses := strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == ';' || r == ':' || r == '-' || r == '(' || r == ')'
	})
	for _, c := range clauses {
		w := words(c)
		for len(w) > 0 && fillers[w[0]] {
			w = w[1:]
		}
		if len(w) == 0 {
			continue // a lone "So," — look at the next clause
		}
		switch {
		case whWords[w[0]]:
			return false
		case auxiliaries[w[0]]:
			return !politeOpener(w)
		case wondering(w):
			return true
		case len(w) > 4:
			return false // a real clause that is not a question opener
		}
		// A short lead-in such as "In your experience": read on.
	}
	return false
}

// politeOpener reports the exempt openers listed on Check.
func politeOpener(w []string) bool {
	at := func(i int) string {
		if i < len(w) {
			return w[i]
		}
		return ""
	}
	switch w[0] {
	case "can", "could", "would", "will":
		if at(1) != "you" {
			break
		}
		i := 2
		if at(i) == "please" || at(i) == "perhaps" || at(i) == "briefly" {
			i++
		}
		if tellVerbs[at(i)] {
			return true
		}
		if at(i) == "mind" && mindVerbs[at(i+1)] {
			return true
		}
	}
	switch w[0] {
	case "can", "could", "may", "might":
		if at(1) == "i" && at(2) == "ask" && (whWords[at(3)] || at(3) == "about") {
			return true
		}
	}
	return false
}

// wondering spots "I was wondering if…" / "I wonder whether…".
func wondering(w []string) bool {
	for i := 0; i+1 < len(w) && i < 5; i++ {
		if (w[i] == "wonder" || w[i] == "wondering") && (w[i+1] == "if" || w[i+1] == "whether") {
			return true
		}
	}
	return false
}

// words splits a clause into lower-case words, apostrophes kept.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
}

// jobText prepares text for the job patterns: normalised words separated
// by single spaces, each clause ending in " |", so a pattern can require
// that a phrase ends its clause.
func jobText(text string) string {
	var b strings.Builder
	// A spaced dash separates clauses; a hyphen only joins words
	// ("entry-level", "e-mail"), so it becomes a space below.
	s := strings.ReplaceAll(foldReplacer.Replace(strings.ToLower(text)), " -", " |")
	for _, r := range s {
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r), r == '\'':
			b.WriteRune(r)
		case strings.ContainsRune(".,;:!?()\"|", r):
			b.WriteString(" | ")
		default:
			b.WriteByte(' ')
		}
	}
	b.WriteString(" |")
	return " " + strings.Join(strings.Fields(b.String()), " ") + " "
}

// Pieces of the job patterns.
const (
	place   = `your (?:own |current )?(?:team|company|firm|office|organisation|organization|department|group|lab|practice|agency|business|shop|studio|place|workplace|unit|division|hospital|clinic|store|restaurant|school|side)`
	whom    = `(?:` + place + `|you|here|me|(?:someone|somebody|people|students?|graduates?) like me)`
	jobNoun = `(?:jobs?|positions?|openings?|vacanc(?:y|ies)|internships?|placements?|roles?)`
	adj     = `(?:open |free |available |paid |unpaid |summer |entry level |junior |graduate |part time |full time |new )?`
	resume  = `(?:resume|cv|curriculum vitae)`
	soon    = `(?: (?:open|available|going|coming up|vacant|at the moment|right now|now|currently|this (?:year|summer|spring|autumn|fall|winter)))?`
)

// jobPatterns implement the job rule documented on Check, on jobText.
// They are compiled at the first check, not when the program starts: 2 ms
// every start, for a rule most runs never use.
var jobPatterns = sync.OnceValue(func() []*regexp.Regexp {
	return compileAll(jobPatternSources...)
})

var jobPatternSources = []string{
	// Asking to be hired, taken on, referred or vouched for.
	`\b(?:hire|hiring|employ|employing|recruit|recruiting) me\b`,
	`\b(?:take|taking|bring|bringing|sign|signing) me on\b`,
	`\b(?:give|get|find|offer) me (?:a |an |any |some )?(?:[a-z']+ )?(?:job|position|internship|placement|post|opening|chance|foot in the door)\b`,
	`\brefer me\b`,
	`\brecommend me (?:for|to)\b`,
	`\bput (?:in )?a (?:good )?word (?:in )?for me\b`,
	`\bput my name (?:forward|in)\b`,
	`\bvouch for me\b`,
	`\bwork (?:for|under) you\b`,
	`\b(?:i|me) (?:[a-z']+ ){0,2}join (?:you|` + place + `)\b`,
	`\bintroduce me to (?:the |your )?(?:hiring manager|recruiters?|hr|human resources)\b`,
	// Asking whether they are hiring.
	`\b(?:are|is) (?:you|they|anyone|` + place + `) (?:currently |still |now )?hiring\b`,
	`\byou're (?:currently |still |now )?hiring\b`,
	`\b` + place + ` (?:is|are) (?:currently |still |now )?hiring\b`,
	`\b(?:anyone|someone|somebody) (?:who's|who is|that's|that is) hiring\b`,
	// Asking for an opening at their place, ending the clause: "any
	// openings on your team?" but not "any jobs before this one?".
	`\bany ` + adj + jobNoun + soon + `(?: (?:at|with|in|on|for|within) ` + whom + `)? \|`,
	`\b(?:an?|the) (?:opening|vacancy)` + soon + `(?: (?:at|with|in|on|for|within) ` + whom + `)? \|`,
	`\b(?:any|an?|some) ` + adj + `(?:` + jobNoun + `|room|space|place|spot|work|opportunit(?:y|ies))(?: [a-z']+){0,3} for me(?: (?:at|with|in|on|within) ` + whom + `| here)? \|`,
	`\b(?:do|does|would|will|could) (?:you|they|` + place + `) (?:ever |currently |still |usually |sometimes )?(?:have|offer|take on|take|hire|need|want|accept) (?:any |an? |some )?` + adj + `(?:interns?|internships?|openings?|vacanc(?:y|ies)|trainees?|apprentices?|apprenticeships?|` + jobNoun + ` (?:open|available|going))\b`,
	`\b(?:could|can|may|might) i (?:intern|work|apply|start|join)(?: [a-z']+){0,4} (?:with|for|at|in|on) (?:you|` + place + `)\b`,
	`\bi (?:[a-z']+ ){0,3}(?:get|land|find|apply for|apply to|secure|start) (?:a |an |any )?(?:[a-z']+ )?(?:job|position|internship|role|placement|post|opening)s? (?:at|with|in|on) (?:you|` + place + `)\b`,
	// A bare "Internship?" or "Any jobs?".
	`^ (?:any )?(?:jobs?|internships?|openings?) \|`,
	// Pushing a résumé: sending it, leaving it, asking them to read it.
	`\b(?:send|sending|give|giving|pass|passing|forward|forwarding|show|showing|share|sharing|leave|leaving|email|emailing|e mail|mail|attach|hand|handing|drop off|bring|bringing|submit) (?:you |over |along |on |in )?(?:my|a copy of my|my updated) ` + resume + `\b`,
	`\bmy ` + resume + ` (?:to|with) (?:you|your|hr|the|someone|anyone|whoever)\b`,
	`\b(?:look|glance) (?:at|over|through) my ` + resume + `\b`,
	`\b(?:review|read|check|see|keep|take) my ` + resume + `\b`,
}

func compileAll(patterns ...string) []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(patterns))
	for i, p := range patterns {
		out[i] = regexp.MustCompile(p)
	}
	return out
}

// jobAsk applies the job rule documented on Check.
func jobAsk(text string) bool {
	t := jobText(text)
	for _, re := range jobPatterns() {
		if re.MatchString(t) {
			return true
		}
	}
	return false
}
