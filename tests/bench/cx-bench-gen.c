/* cx-bench-gen.c — realistic plans of any size, for benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Makes the canonical text of a valid plan of N steps with the proportions
 * of a real one: steps spread over before/during/after/recovery about
 * 20/50/20/10 %, four personas, seven lanes, levels, emotions, cells,
 * failures with FMEA scores, recoveries naming them, a few wow moments,
 * moments of truth and links; and, for format 1.1, one accepted finding
 * every 50 steps (some of them stale) and failures that lead to a
 * recovery step that does not answer them. The same N and seed always
 * give the same bytes (GRand is a Mersenne twister, the same on every
 * platform). What 1.1 adds draws on a random sequence of its own, so
 * the steps are those a 1.0 generator made.
 */

#define G_LOG_DOMAIN "cx-bench"

#include "config.h"

#include "cx-bench-gen.h"
#include "cx-enum-types.h"
#include "cx-enums.h"
#include "cx-format.h"
#include "cx-model.h"

typedef struct
{
  const char *id;
  gboolean    has_mood;
  int         mood;
  const char *name;
  const char *description;
  guint       weight;     /* how many steps are theirs, relative */
} PersonaInfo;

static const PersonaInfo personas[] = {
  { "commuter", TRUE, -1, "Commuter in a hurry",
    "Buys on the way to work and has ten minutes to spare.", 35 },
  { "family", TRUE, 0, "Family planner",
    "Plans the purchases of a household of five, weeks ahead.", 30 },
  { "first-timer", FALSE, 0, "First-time customer",
    "Has never used the service and compares it with two others.", 20 },
  { "regular", TRUE, 1, "Loyal regular",
    "Has been a customer for years and expects to be recognised.", 15 },
};

typedef struct
{
  CxLaneKind  kind;
  const char *name;
} LaneInfo;

/* The text lanes first: cells pick among the first N_TEXT_LANES. */
static const LaneInfo lanes[] = {
  { CX_LANE_KIND_ACTIONS, "Customer actions" },
  { CX_LANE_KIND_TOUCHPOINTS, "Touchpoints" },
  { CX_LANE_KIND_FRONTSTAGE, "Frontstage" },
  { CX_LANE_KIND_BACKSTAGE, "Backstage" },
  { CX_LANE_KIND_SUPPORT, "Support processes" },
  { CX_LANE_KIND_EMOTION, "Emotion" },
  { CX_LANE_KIND_EXPECTATION, "Expected vs delivered" },
};

#define N_TEXT_LANES 5

/* Who acts in each text lane, in the same order as lanes[] */
static const char * const cell_subjects[N_TEXT_LANES][4] = {
  { "Customer", "The customer", "Customer with a child in tow", "Customer on the train" },
  { "Product page", "Confirmation email", "Mobile app", "Call centre menu" },
  { "Agent", "Store assistant", "Courier", "Chat advisor" },
  { "Warehouse system", "Billing team", "Dispatch", "Stock planner" },
  { "CRM", "Payment gateway", "Routing engine", "Inventory database" },
};

static const char * const cell_verbs[] = {
  "checks", "confirms", "updates", "looks up", "explains", "compares", "sends", "records",
  "waits for", "chases",
};

static const char * const objects[] = {
  "the delivery options", "the opening hours", "a time slot", "the order", "the invoice",
  "the parcel", "the loyalty points", "the warranty", "the refund", "the account details",
  "the store stock", "the price promise", "the café voucher", "the membership",
  "the appointment",
};

static const char * const cell_tails[] = {
  "before lunch", "in under two minutes", "while on the phone", "after a reminder",
  "within the hour", "at the second attempt", "on the first try", "as promised",
};

static const char * const title_verbs[] = {
  "Compare", "Check", "Book", "Confirm", "Pay for", "Track", "Collect", "Return", "Ask about",
  "Review", "Change", "Cancel", "Renew", "Rate", "Find",
};

static const char * const recovery_verbs[] = {
  "Call back about", "Refund", "Replace", "Apologise for", "Offer a voucher for",
  "Escalate", "Rebook",
};

static const char * const owners[] = {
  "Customer care", "E-commerce", "Store operations", "Logistics", "Billing", "Marketing",
  "IT", "Loyalty team", "Field service", "Product",
};

static const char * const expected_texts[] = {
  "A clear answer the first time", "Delivery within two days", "The price shown online",
  "A person answers quickly", "The parcel arrives in the slot", "Being recognised",
};

/* What is delivered, poor (levels 1–2), adequate (3) and good (4–5) */
static const char * const delivered_texts[3][2] = {
  { "An answer after two transfers", "Twelve minutes on hold" },
  { "Delivery on day three", "The price matched at the till" },
  { "The parcel arrives early", "Greeted by name" },
};

static const char * const emotion_texts[3][3] = {
  { "Frustrated", "Annoyed", "Anxious" },
  { "Calm", "Indifferent", "Reassured" },
  { "Relieved", "Pleasantly surprised", "Delighted" },
};

static const char * const failure_modes[] = {
  "The page times out at checkout", "Stock shown online is not in the store",
  "Payment is declined without a reason", "The courier misses the time slot",
  "The confirmation email lands in spam", "The agent cannot see the order history",
  "The refund goes to the wrong card", "The queue at the counter exceeds 15 minutes",
  "The app logs the customer out mid-order", "The voucher code is rejected",
};

static const char * const failure_effects[] = {
  "Customer gives up and buys elsewhere", "Customer calls support to ask what happened",
  "Customer has to tell the story twice", "Customer stops trusting the price promise",
  "Customer complains on social media", "Customer waits at home for nothing",
};

typedef struct
{
  CxChannel channel;
  guint     weight;
} ChannelWeight;

static const ChannelWeight channel_weights[] = {
  { CX_CHANNEL_WEB, 25 }, { CX_CHANNEL_APP, 20 }, { CX_CHANNEL_EMAIL, 10 },
  { CX_CHANNEL_PHONE, 12 }, { CX_CHANNEL_CHAT, 8 }, { CX_CHANNEL_SOCIAL, 3 },
  { CX_CHANNEL_MAIL, 2 }, { CX_CHANNEL_STORE, 12 }, { CX_CHANNEL_IN_PERSON, 4 },
  { CX_CHANNEL_SELF_SERVICE, 3 }, { CX_CHANNEL_OTHER, 1 },
};

static const CxChannel recovery_channels[] = {
  CX_CHANNEL_PHONE, CX_CHANNEL_EMAIL, CX_CHANNEL_CHAT, CX_CHANNEL_IN_PERSON,
};

typedef struct
{
  GRand    *rand;
  GRand    *rand_1_1;                     /* for what format 1.1 adds */
  GString  *out;
  guint     n_steps;
  guint     n_main;
  guint     phase_start[CX_N_PHASES + 1]; /* step index where each phase starts */
  guint    *first_failure;                /* per main step: index of its first failure */
  guint    *n_failures;                   /* per main step */
  guint     n_all_failures;
  int      *leads_to;                     /* per failure: a step index, or -1 */
  GString **recovers;                     /* per recovery step: its @recovers */
} Generator;

#define PICK(gen, array) ((array)[g_rand_int_range ((gen)->rand, 0, G_N_ELEMENTS (array))])

static gboolean
chance (Generator *gen,
        double     probability)
{
  return g_rand_double (gen->rand) < probability;
}

static const char *
nick (GType enum_type,
      int   value)
{
  const char *result = cx_enum_to_nick (enum_type, value);

  g_assert (result != NULL);
  return result;
}

static void
append_indent (Generator *gen,
               guint      depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append (gen->out, "  ");
}

/* Escapes as libxml2's serialiser does, so the text is canonical. */
static void
append_escaped (Generator  *gen,
                const char *text,
                gboolean    in_attribute)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (gen->out, "&amp;");
          break;
        case '<':
          g_string_append (gen->out, "&lt;");
          break;
        case '>':
          g_string_append (gen->out, "&gt;");
          break;
        case '"':
          if (in_attribute)
            g_string_append (gen->out, "&quot;");
          else
            g_string_append_c (gen->out, '"');
          break;
        default:
          g_string_append_c (gen->out, *p);
          break;
        }
    }
}

static void
append_attribute (Generator  *gen,
                  const char *name,
                  const char *value)
{
  g_string_append_printf (gen->out, " %s=\"", name);
  append_escaped (gen, value, TRUE);
  g_string_append_c (gen->out, '"');
}

static void
append_int_attribute (Generator  *gen,
                      const char *name,
                      int         value)
{
  g_string_append_printf (gen->out, " %s=\"%d\"", name, value);
}

/* <name>text</name>, or <name/> for no text */
static void
append_text_element (Generator  *gen,
                     guint       depth,
                     const char *name,
                     const char *text)
{
  append_indent (gen, depth);
  if (text == NULL || *text == '\0')
    {
      g_string_append_printf (gen->out, "<%s/>\n", name);
      return;
    }
  g_string_append_printf (gen->out, "<%s>", name);
  append_escaped (gen, text, FALSE);
  g_string_append_printf (gen->out, "</%s>\n", name);
}

/* <name attr="value">text</name>, or self-closed without text */
static void
append_scored_element (Generator  *gen,
                       guint       depth,
                       const char *name,
                       const char *attribute,
                       int         value,
                       const char *text)
{
  append_indent (gen, depth);
  g_string_append_printf (gen->out, "<%s", name);
  append_int_attribute (gen, attribute, value);
  if (text == NULL)
    {
      g_string_append (gen->out, "/>\n");
      return;
    }
  g_string_append_c (gen->out, '>');
  append_escaped (gen, text, FALSE);
  g_string_append_printf (gen->out, "</%s>\n", name);
}

static char *
make_sentence (Generator *gen,
               guint      lane)
{
  const char *subject;
  const char *verb;
  const char *object;

  g_assert (lane < N_TEXT_LANES);

  /* One draw a statement: the order of a call's arguments is unspecified,
   * and the text must not depend on the compiler. */
  subject = PICK (gen, cell_subjects[lane]);
  verb = PICK (gen, cell_verbs);
  object = PICK (gen, objects);

  return g_strdup_printf ("%s %s %s %s.", subject, verb, object, PICK (gen, cell_tails));
}

static CxPhase
phase_of_step (Generator *gen,
               guint      index)
{
  for (CxPhase phase = CX_PHASE_BEFORE; phase < CX_PHASE_RECOVERY; phase++)
    {
      if (index < gen->phase_start[phase + 1])
        return phase;
    }
  return CX_PHASE_RECOVERY;
}

static CxChannel
pick_channel (Generator *gen)
{
  guint total = 0;
  guint roll;

  for (guint i = 0; i < G_N_ELEMENTS (channel_weights); i++)
    total += channel_weights[i].weight;

  roll = g_rand_int_range (gen->rand, 0, total);
  for (guint i = 0; i < G_N_ELEMENTS (channel_weights); i++)
    {
      if (roll < channel_weights[i].weight)
        return channel_weights[i].channel;
      roll -= channel_weights[i].weight;
    }
  g_assert_not_reached ();
}

/* A persona for 85 % of the steps, weighted; NULL for the rest */
static const char *
pick_persona (Generator *gen)
{
  guint total = 0;
  guint roll;

  if (!chance (gen, 0.85))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (personas); i++)
    total += personas[i].weight;

  roll = g_rand_int_range (gen->rand, 0, total);
  for (guint i = 0; i < G_N_ELEMENTS (personas); i++)
    {
      if (roll < personas[i].weight)
        return personas[i].id;
      roll -= personas[i].weight;
    }
  g_assert_not_reached ();
}

static CxEvidence
pick_evidence (Generator *gen)
{
  double roll = g_rand_double (gen->rand);

  if (roll < 0.55)
    return CX_EVIDENCE_OBSERVED;
  if (roll < 0.85)
    return CX_EVIDENCE_ASSUMED;
  return CX_EVIDENCE_PROPOSED;
}

/* How far delivery falls from what is expected: mostly close to it. */
static int
pick_level_delta (Generator *gen)
{
  double roll = g_rand_double (gen->rand);

  if (roll < 0.10)
    return -2;
  if (roll < 0.35)
    return -1;
  if (roll < 0.75)
    return 0;
  if (roll < 0.95)
    return 1;
  return 2;
}

/* Decides up front which steps fail, which recovery answers each failure
 * and where it leads, so references can point forward. */
static void
plan_failures (Generator *gen)
{
  guint n_recovery = gen->n_steps - gen->n_main;
  guint next = 0;

  gen->first_failure = g_new0 (guint, gen->n_main);
  gen->n_failures = g_new0 (guint, gen->n_main);
  for (guint i = 0; i < gen->n_main; i++)
    {
      gen->first_failure[i] = next;
      /* 28 % of the main journey is a quarter of all steps */
      if (chance (gen, 0.28))
        gen->n_failures[i] = chance (gen, 0.2) ? 2 : 1;
      next += gen->n_failures[i];
    }
  gen->n_all_failures = next;

  gen->leads_to = g_new (int, MAX (next, 1));
  gen->recovers = g_new0 (GString *, MAX (n_recovery, 1));
  for (guint r = 0; r < n_recovery; r++)
    gen->recovers[r] = g_string_new (NULL);

  for (guint i = 0; i < gen->n_main; i++)
    {
      for (guint k = 0; k < gen->n_failures[i]; k++)
        {
          guint failure = gen->first_failure[i] + k;

          gen->leads_to[failure] = -1;

          /* Most failures have a recovery planned; the rest are the
           * unrecovered risks a real plan still has. */
          if (n_recovery > 0 && chance (gen, 0.85))
            {
              guint r = g_rand_int_range (gen->rand, 0, n_recovery);
              GString *list = gen->recovers[r];

              g_string_append_printf (list, "%sf%u", list->len > 0 ? " " : "", failure + 1);
              if (chance (gen, 0.5))
                gen->leads_to[failure] = gen->n_main + r;
              /* Now and then the map sends it to another recovery, which
               * does not list it (CX016) */
              if (gen->leads_to[failure] >= 0 && n_recovery > 1 &&
                  g_rand_double (gen->rand_1_1) < 0.1)
                gen->leads_to[failure] = gen->n_main + (r + 1) % n_recovery;
            }
          else if (i + 1 < gen->n_main && chance (gen, 0.15))
            {
              /* A follow-up transaction later in the journey */
              gen->leads_to[failure] = g_rand_int_range (gen->rand, i + 1, gen->n_main);
            }
        }
    }
}

static void
append_failure (Generator *gen,
                guint      failure)
{
  append_indent (gen, 4);
  g_string_append (gen->out, "<failure");
  g_string_append_printf (gen->out, " id=\"f%u\"", failure + 1);
  append_int_attribute (gen, "severity", g_rand_int_range (gen->rand, 2, 10));
  append_int_attribute (gen, "occurrence", g_rand_int_range (gen->rand, 1, 9));
  append_int_attribute (gen, "detection", g_rand_int_range (gen->rand, 1, 10));
  if (gen->leads_to[failure] >= 0)
    g_string_append_printf (gen->out, " leads-to=\"s%d\"", gen->leads_to[failure] + 1);
  g_string_append (gen->out, ">\n");

  append_text_element (gen, 5, "mode", PICK (gen, failure_modes));
  if (chance (gen, 0.8))
    append_text_element (gen, 5, "effect", PICK (gen, failure_effects));

  append_indent (gen, 4);
  g_string_append (gen->out, "</failure>\n");
}

static void
append_step (Generator *gen,
             guint      index)
{
  CxPhase phase = phase_of_step (gen, index);
  gboolean recovery = phase == CX_PHASE_RECOVERY;
  gboolean wow = !recovery && chance (gen, 0.055); /* ≈ 5 % of all steps */
  gboolean moment_of_truth = chance (gen, 0.08);
  const char *persona = pick_persona (gen);
  const char *owner = NULL;
  CxChannel channel;
  int expected = 0;
  int delivered = 0;
  double roll;
  gboolean used_lanes[N_TEXT_LANES] = { FALSE, };
  guint n_cells;

  if (recovery)
    {
      channel = PICK (gen, recovery_channels);
      if (chance (gen, 0.9))
        owner = chance (gen, 0.7) ? "Customer care" : PICK (gen, owners);
    }
  else
    {
      channel = pick_channel (gen);
      if (chance (gen, 0.9))
        owner = PICK (gen, owners);
    }

  append_indent (gen, 3);
  g_string_append_printf (gen->out, "<step id=\"s%u\"", index + 1);
  append_attribute (gen, "channel", nick (CX_TYPE_CHANNEL, channel));
  if (owner != NULL)
    append_attribute (gen, "owner", owner);
  if (persona != NULL)
    append_attribute (gen, "persona", persona);
  append_attribute (gen, "evidence", nick (CX_TYPE_EVIDENCE, pick_evidence (gen)));
  if (wow)
    append_attribute (gen, "wow", "true");
  if (moment_of_truth)
    append_attribute (gen, "moment-of-truth", "true");
  if (recovery)
    {
      GString *list = gen->recovers[index - gen->n_main];

      if (list->len > 0)
        append_attribute (gen, "recovers", list->str);
    }
  g_string_append (gen->out, ">\n");

  /* title */
  {
    const char *verb = recovery ? PICK (gen, recovery_verbs) : PICK (gen, title_verbs);
    g_autofree char *title = g_strdup_printf ("%s %s", verb, PICK (gen, objects));

    append_text_element (gen, 4, "title", title);
  }

  /* expected and delivered: both on 85 % of steps, expected only on 10 % */
  roll = g_rand_double (gen->rand);
  if (wow)
    {
      expected = g_rand_int_range (gen->rand, 3, 5);
      delivered = CX_LEVEL_MAX;
    }
  else if (roll < 0.95)
    {
      expected = g_rand_int_range (gen->rand, 2, 6);
      if (roll < 0.85)
        {
          delivered = expected + pick_level_delta (gen);
          delivered = CLAMP (delivered, CX_LEVEL_MIN, CX_LEVEL_MAX);
        }
    }
  if (expected > 0)
    append_scored_element (gen, 4, "expected", "level", expected,
                           chance (gen, 0.5) ? PICK (gen, expected_texts) : NULL);
  if (delivered > 0)
    append_scored_element (gen, 4, "delivered", "level", delivered,
                           chance (gen, 0.5)
                             ? PICK (gen, delivered_texts[(delivered >= 3) + (delivered >= 4)])
                             : NULL);

  /* emotion, following the gap between expected and delivered */
  if (chance (gen, 0.7))
    {
      int emotion;

      if (delivered > 0)
        emotion = delivered - expected + g_rand_int_range (gen->rand, -1, 2);
      else
        emotion = g_rand_int_range (gen->rand, -2, 3);
      emotion = CLAMP (emotion, CX_EMOTION_MIN, CX_EMOTION_MAX);

      append_scored_element (gen, 4, "emotion", "value", emotion,
                             chance (gen, 0.4)
                               ? PICK (gen, emotion_texts[(emotion > 0) - (emotion < 0) + 1])
                               : NULL);
    }

  /* 2–4 cells in distinct text lanes, in lane order */
  n_cells = g_rand_int_range (gen->rand, 2, 5);
  for (guint c = 0; c < n_cells; c++)
    {
      guint lane;

      do
        lane = g_rand_int_range (gen->rand, 0, N_TEXT_LANES);
      while (used_lanes[lane]);
      used_lanes[lane] = TRUE;
    }
  for (guint lane = 0; lane < N_TEXT_LANES; lane++)
    {
      g_autofree char *sentence = NULL;

      if (!used_lanes[lane])
        continue;

      sentence = make_sentence (gen, lane);
      append_indent (gen, 4);
      g_string_append (gen->out, "<cell");
      append_attribute (gen, "lane", nick (CX_TYPE_LANE_KIND, lanes[lane].kind));
      g_string_append_c (gen->out, '>');
      append_escaped (gen, sentence, FALSE);
      g_string_append (gen->out, "</cell>\n");
    }

  if (!recovery)
    {
      for (guint k = 0; k < gen->n_failures[index]; k++)
        append_failure (gen, gen->first_failure[index] + k);
    }

  /* a few links within the main journey: forward leads-to, backward depends-on */
  if (!recovery && gen->n_main > 1 && chance (gen, 0.03))
    {
      guint target;
      CxLinkKind kind;

      if (index + 1 < gen->n_main && (index == 0 || chance (gen, 0.6)))
        {
          kind = CX_LINK_KIND_LEADS_TO;
          target = g_rand_int_range (gen->rand, index + 1, gen->n_main);
        }
      else
        {
          kind = CX_LINK_KIND_DEPENDS_ON;
          target = g_rand_int_range (gen->rand, 0, index);
        }

      append_indent (gen, 4);
      g_string_append (gen->out, "<link");
      append_attribute (gen, "kind", nick (CX_TYPE_LINK_KIND, kind));
      g_string_append_printf (gen->out, " step=\"s%u\"/>\n", target + 1);
    }

  append_indent (gen, 3);
  g_string_append (gen->out, "</step>\n");
}

/* Accepted findings, one every 50 steps, on steps and failures chosen
 * at random: those whose finding the step happens to have are accepted,
 * the others are stale (CX022) */
static void
append_accepts (Generator *gen)
{
  static const char * const step_checks[] = {
    "CX005", "CX002", "CX007", "CX013", "CX014", "CX015", "CX021",
  };
  static const char * const reasons[] = {
    "Run by a partner under its own service levels",
    "Known and measured; the fix is in the next release",
    "A deliberate step down to self-service, told to customers",
    "Mapped in the plan of the team that runs it",
  };
  guint n_accepts = gen->n_steps / 50;

  append_indent (gen, 1);
  g_string_append (gen->out, "<settings>\n");
  append_indent (gen, 2);
  g_string_append (gen->out, "<threshold name=\"hand-off-drop\" value=\"1\"/>\n");
  for (guint i = 0; i < n_accepts; i++)
    {
      const char *reason = reasons[g_rand_int_range (gen->rand_1_1, 0, G_N_ELEMENTS (reasons))];

      append_indent (gen, 2);
      if (gen->n_all_failures > 0 && g_rand_double (gen->rand_1_1) < 0.25)
        g_string_append_printf (gen->out, "<accept check=\"%s\" ref=\"f%u\">",
                                g_rand_double (gen->rand_1_1) < 0.5 ? "CX003" : "CX018",
                                g_rand_int_range (gen->rand_1_1, 0, gen->n_all_failures) + 1);
      else
        g_string_append_printf (gen->out, "<accept check=\"%s\" ref=\"s%u\">",
                                step_checks[g_rand_int_range (gen->rand_1_1, 0,
                                                              G_N_ELEMENTS (step_checks))],
                                g_rand_int_range (gen->rand_1_1, 0, gen->n_main) + 1);
      append_escaped (gen, reason, FALSE);
      g_string_append (gen->out, "</accept>\n");
    }
  append_indent (gen, 1);
  g_string_append (gen->out, "</settings>\n");
}

static void
append_head (Generator *gen)
{
  g_autofree char *title = g_strdup_printf ("Order to delivery, %u steps", gen->n_steps);

  g_string_append (gen->out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append (gen->out, "<cxplan");
  append_attribute (gen, "xmlns", CX_NAMESPACE);
  append_attribute (gen, "version", CX_FORMAT_VERSION);
  g_string_append (gen->out, ">\n");

  append_text_element (gen, 1, "title", title);
  append_text_element (gen, 1, "description",
                       "A generated journey for benchmarks: ordering, delivery, "
                       "aftercare and the recoveries kept ready.");
  append_text_element (gen, 1, "author", "cxplan-bench-gen");
  append_text_element (gen, 1, "created", "2026-01-15T09:30:00Z");
  append_text_element (gen, 1, "modified", "2026-02-02T16:45:00Z");

  append_accepts (gen);

  append_indent (gen, 1);
  g_string_append (gen->out, "<personas>\n");
  for (guint i = 0; i < G_N_ELEMENTS (personas); i++)
    {
      append_indent (gen, 2);
      g_string_append (gen->out, "<persona");
      append_attribute (gen, "id", personas[i].id);
      if (personas[i].has_mood)
        append_int_attribute (gen, "mood", personas[i].mood);
      g_string_append (gen->out, ">\n");
      append_text_element (gen, 3, "name", personas[i].name);
      append_text_element (gen, 3, "description", personas[i].description);
      append_indent (gen, 2);
      g_string_append (gen->out, "</persona>\n");
    }
  append_indent (gen, 1);
  g_string_append (gen->out, "</personas>\n");

  append_indent (gen, 1);
  g_string_append (gen->out, "<lanes>\n");
  for (guint i = 0; i < G_N_ELEMENTS (lanes); i++)
    {
      const char *kind = nick (CX_TYPE_LANE_KIND, lanes[i].kind);

      /* The lane's id is its kind: one lane of each */
      append_indent (gen, 2);
      g_string_append (gen->out, "<lane");
      append_attribute (gen, "id", kind);
      append_attribute (gen, "kind", kind);
      g_string_append (gen->out, ">\n");
      append_text_element (gen, 3, "name", lanes[i].name);
      append_indent (gen, 2);
      g_string_append (gen->out, "</lane>\n");
    }
  append_indent (gen, 1);
  g_string_append (gen->out, "</lanes>\n");
}

/**
 * cx_bench_generate_plan:
 * @n_steps: how many steps the plan has, over all four phases
 * @seed: the seed of the random choices
 *
 * Makes a valid plan of @n_steps steps, as the canonical text a writer
 * would save. The same arguments always give the same text.
 *
 * Returns: (transfer full): the text of the plan, NUL-terminated
 */
char *
cx_bench_generate_plan (guint   n_steps,
                        guint32 seed)
{
  Generator gen = { 0, };
  guint n_before = n_steps / 5;
  guint n_after = n_steps / 5;
  guint n_recovery = n_steps / 10;
  guint n_during = n_steps - n_before - n_after - n_recovery;
  guint n_recovery_steps;

  gen.rand = g_rand_new_with_seed (seed);
  gen.rand_1_1 = g_rand_new_with_seed (seed ^ 0x11u);
  gen.out = g_string_sized_new (2048 + (gsize) n_steps * 1100);
  gen.n_steps = n_steps;
  gen.n_main = n_before + n_during + n_after;
  gen.phase_start[CX_PHASE_BEFORE] = 0;
  gen.phase_start[CX_PHASE_DURING] = n_before;
  gen.phase_start[CX_PHASE_AFTER] = n_before + n_during;
  gen.phase_start[CX_PHASE_RECOVERY] = gen.n_main;
  gen.phase_start[CX_N_PHASES] = n_steps;
  n_recovery_steps = n_steps - gen.n_main;

  plan_failures (&gen);
  append_head (&gen);

  append_indent (&gen, 1);
  g_string_append (gen.out, "<phases>\n");
  for (CxPhase phase = CX_PHASE_BEFORE; phase < CX_N_PHASES; phase++)
    {
      const char *kind = nick (CX_TYPE_PHASE, phase);

      append_indent (&gen, 2);
      if (gen.phase_start[phase] == gen.phase_start[phase + 1])
        {
          g_string_append_printf (gen.out, "<phase kind=\"%s\"/>\n", kind);
          continue;
        }

      g_string_append_printf (gen.out, "<phase kind=\"%s\">\n", kind);
      for (guint i = gen.phase_start[phase]; i < gen.phase_start[phase + 1]; i++)
        append_step (&gen, i);
      append_indent (&gen, 2);
      g_string_append (gen.out, "</phase>\n");
    }
  append_indent (&gen, 1);
  g_string_append (gen.out, "</phases>\n");
  g_string_append (gen.out, "</cxplan>\n");

  for (guint r = 0; r < n_recovery_steps; r++)
    g_string_free (gen.recovers[r], TRUE);
  g_free (gen.recovers);
  g_free (gen.leads_to);
  g_free (gen.n_failures);
  g_free (gen.first_failure);
  g_rand_free (gen.rand);
  g_rand_free (gen.rand_1_1);

  return g_string_free (gen.out, FALSE);
}
