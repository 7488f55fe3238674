/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "pv-sip.h"

#define MASK(f) (1u << (f))
#define EMAIL MASK (PV_SIP_FORMAT_EMAIL)
#define UPN MASK (PV_SIP_FORMAT_UPN)
#define FL MASK (PV_SIP_FORMAT_FIRST_LAST)
#define SAM MASK (PV_SIP_FORMAT_SAM)

static void
test_transliterate (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "Çağrı Şahin", "Cagri Sahin" },
    { "Иван Петров", "Ivan Petrov" },
    { "Γιώργος Παπαδόπουλος", "Giorgos Papadopoulos" },
    { "Nguyễn Văn Đức", "Nguyen Van Duc" },
    { "Łukasz Żółć", "Lukasz Zolc" },
    { "Søren Kierkegaard", "Soren Kierkegaard" },
    { "Jürgen Groß", "Jurgen Gross" },
    { "plain ascii", "plain ascii" },
    { "", "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = pv_sip_transliterate (cases[i].in);
      g_assert_cmpstr (out, ==, cases[i].out);
    }

  {
    g_autofree char *null_out = pv_sip_transliterate (NULL);
    g_autofree char *bad = pv_sip_transliterate ("Caf\xc3\x28 \xff");
    g_assert_cmpstr (null_out, ==, "");
    g_assert_true (g_utf8_validate (bad, -1, NULL));
  }
}

static void
test_user_part_rule (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    /* French: accents, hyphens, apostrophes, particles. */
    { "Jean-François", "jean-francois" },
    { "Lefèvre", "lefevre" },
    { "de la Fontaine", "de-la-fontaine" },
    { "D'Artagnan", "dartagnan" },
    { "Le Bœuf", "le-boeuf" },
    /* German. */
    { "Jürgen", "jurgen" },
    { "Groß", "gross" },
    { "van Beethoven", "van-beethoven" },
    /* Nordic. */
    { "Søren", "soren" },
    { "Ærø", "aero" },
    { "Þór", "thor" },
    { "Guðmundsdóttir", "gudmundsdottir" },
    /* Polish. */
    { "Łukasz", "lukasz" },
    { "Żółć", "zolc" },
    { "Wąsowska-Brzęczyszczykiewicz", "wasowska-brzeczyszczykiewicz" },
    /* Turkish: dotless ı, ş, ğ, ç, dotted İ. */
    { "Çağrı", "cagri" },
    { "Şahin", "sahin" },
    { "İsmail", "ismail" },
    { "Güçlü", "guclu" },
    /* Vietnamese. */
    { "Nguyễn", "nguyen" },
    { "Trần Thị", "tran-thi" },
    { "Đức", "duc" },
    /* Greek and Cyrillic scripts. */
    { "Γιώργος", "giorgos" },
    { "Παπαδόπουλος", "papadopoulos" },
    { "Иван", "ivan" },
    { "Петров", "petrov" },
    { "Щербакова", "serbakova" },
    /* Han. */
    { "小龍", "xiao-long" },
    /* Apostrophes of every kind, separators at the ends and in runs. */
    { "O’Brien", "obrien" },
    { "Ng'ang'a", "nganga" },
    { "ʻOkina", "okina" },
    { " -Jean- ", "jean" },
    { "Mary  Ann", "mary-ann" },
    { "jean--pierre", "jean-pierre" },
    { "J. R. R.", "j.r.r" },
    { "St. John", "st.john" },
    { "Dupont_Durand", "dupont_durand" },
    /* Nothing usable. */
    { "☃", "" },
    { "💡💡", "" },
    { "'''", "" },
    { "", "" },
    { NULL, "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = pv_sip_user_part_from_name (cases[i].in);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

typedef struct
{
  PvSipPerson person;
  PvSipFormat format;
  const char *domain;
  const char *address; /* expected when ok */
  int code;            /* expected PvSipError when a problem, -1 when ok */
  guint working;       /* expected working formats for a problem */
} FormatCase;

static void
test_formats (void)
{
  static const FormatCase cases[] = {
    /* The four formats for one complete person. */
    { { "1", "Jean Dupont", "Jean", "Dupont", "Jean.Dupont@Contoso.com", "jdupont@contoso.com",
        "JDUPONT" }, PV_SIP_FORMAT_EMAIL, NULL, "sip:jean.dupont@contoso.com", -1, 0 },
    { { "1", "Jean Dupont", "Jean", "Dupont", "Jean.Dupont@Contoso.com", "jdupont@contoso.com",
        "JDUPONT" }, PV_SIP_FORMAT_UPN, NULL, "sip:jdupont@contoso.com", -1, 0 },
    { { "1", "Jean Dupont", "Jean", "Dupont", "Jean.Dupont@Contoso.com", "jdupont@contoso.com",
        "JDUPONT" }, PV_SIP_FORMAT_FIRST_LAST, "fabrikam.com", "sip:jean.dupont@fabrikam.com",
      -1, 0 },
    { { "1", "Jean Dupont", "Jean", "Dupont", "Jean.Dupont@Contoso.com", "jdupont@contoso.com",
        "JDUPONT" }, PV_SIP_FORMAT_SAM, "Contoso.com", "sip:jdupont@contoso.com", -1, 0 },
    /* Accented and non-Latin names. */
    { { "2", NULL, "Çağrı", "Şahin" }, PV_SIP_FORMAT_FIRST_LAST, "contoso.com",
      "sip:cagri.sahin@contoso.com", -1, 0 },
    { { "3", NULL, "Γιώργος", "Παπαδόπουλος" }, PV_SIP_FORMAT_FIRST_LAST, "contoso.com",
      "sip:giorgos.papadopoulos@contoso.com", -1, 0 },
    { { "4", NULL, "Иван", "Петров" }, PV_SIP_FORMAT_FIRST_LAST, "contoso.com",
      "sip:ivan.petrov@contoso.com", -1, 0 },
    { { "5", NULL, "Hélène", "de la Fontaine" }, PV_SIP_FORMAT_FIRST_LAST, "contoso.com",
      "sip:helene.de-la-fontaine@contoso.com", -1, 0 },
    { { "6", NULL, "Seán", "O'Brien" }, PV_SIP_FORMAT_FIRST_LAST, "contoso.com",
      "sip:sean.obrien@contoso.com", -1, 0 },
    { { "7", NULL, "Trần Thị", "Hương" }, PV_SIP_FORMAT_FIRST_LAST, "contoso.com",
      "sip:tran-thi.huong@contoso.com", -1, 0 },
    /* Missing what the format needs: a problem and the formats that would work. */
    { { "10", "No Mail", "No", "Mail", NULL, "nomail@contoso.com", "nomail" },
      PV_SIP_FORMAT_EMAIL, "contoso.com", NULL, PV_SIP_ERROR_NO_EMAIL, UPN | FL | SAM },
    { { "11", "Sukarno", "Sukarno", "", "sukarno@contoso.com", "sukarno@contoso.com" },
      PV_SIP_FORMAT_FIRST_LAST, "contoso.com", NULL, PV_SIP_ERROR_NO_SURNAME, EMAIL | UPN },
    { { "12", "Madonna", "", "Madonna", NULL, "madonna@contoso.com" },
      PV_SIP_FORMAT_FIRST_LAST, "contoso.com", NULL, PV_SIP_ERROR_NO_GIVEN_NAME, UPN },
    { { "13", "Nobody", "  ", NULL, NULL, NULL, NULL },
      PV_SIP_FORMAT_FIRST_LAST, "contoso.com", NULL, PV_SIP_ERROR_NO_NAMES, 0 },
    { { "14", NULL, "Ann", "Lee", "ann.lee@contoso.com" },
      PV_SIP_FORMAT_SAM, "contoso.com", NULL, PV_SIP_ERROR_NO_SAM, EMAIL | FL },
    { { "15", NULL, "Ann", "Lee", "ann.lee@contoso.com" },
      PV_SIP_FORMAT_UPN, "contoso.com", NULL, PV_SIP_ERROR_NO_UPN, EMAIL | FL },
    { { "16", NULL, "☃", "Dupont", "snow@contoso.com" },
      PV_SIP_FORMAT_FIRST_LAST, "contoso.com", NULL, PV_SIP_ERROR_NOTHING_USABLE, EMAIL },
    /* Domains: needed, known, lower-cased. */
    { { "20", NULL, "Ann", "Lee" }, PV_SIP_FORMAT_FIRST_LAST, NULL, NULL,
      PV_SIP_ERROR_NO_DOMAIN, FL },
    { { "21", NULL, "Ann", "Lee" }, PV_SIP_FORMAT_FIRST_LAST, "contoso.con", NULL,
      PV_SIP_ERROR_UNKNOWN_DOMAIN, FL },
    { { "22", NULL, "Ann", "Lee", "ann.lee@gmail.com" }, PV_SIP_FORMAT_EMAIL, NULL, NULL,
      PV_SIP_ERROR_UNKNOWN_DOMAIN, FL },
    /* Server-breaking and illegal characters in addresses taken as they are. */
    { { "30", NULL, "Tom", "Jerry", "tom&jerry@contoso.com" }, PV_SIP_FORMAT_EMAIL, NULL, NULL,
      PV_SIP_ERROR_REFUSED_CHARACTER, FL },
    { { "31", NULL, NULL, NULL, "andré@contoso.com" }, PV_SIP_FORMAT_EMAIL, NULL, NULL,
      PV_SIP_ERROR_INVALID_ADDRESS, 0 },
    { { "32", NULL, "A", "B", "not-an-address" }, PV_SIP_FORMAT_EMAIL, NULL, NULL,
      PV_SIP_ERROR_INVALID_ADDRESS, FL },
    /* An explicit address wins over the format, and is checked the same way. */
    { { "40", NULL, "Ann", "Lee", NULL, NULL, NULL, "SIP:Ann.L@Contoso.com" },
      PV_SIP_FORMAT_EMAIL, NULL, "sip:ann.l@contoso.com", -1, 0 },
    { { "41", NULL, "Ann", "Lee", NULL, NULL, NULL, "ann.l@contoso.com" },
      PV_SIP_FORMAT_EMAIL, NULL, "sip:ann.l@contoso.com", -1, 0 },
    { { "42", NULL, "Ann", "Lee", NULL, NULL, NULL, "sip:ann&lee@contoso.com" },
      PV_SIP_FORMAT_EMAIL, NULL, NULL, PV_SIP_ERROR_REFUSED_CHARACTER, FL },
    { { "43", NULL, "Ann", "Lee", NULL, NULL, NULL, "sip:ann@typo.com" },
      PV_SIP_FORMAT_FIRST_LAST, "contoso.com", NULL, PV_SIP_ERROR_UNKNOWN_DOMAIN, FL },
  };
  static const char * const domains[] = { "contoso.com", "Fabrikam.com", NULL };
  g_autoptr(PvSipEngine) engine = pv_sip_engine_new ();

  pv_sip_engine_set_domains (engine, domains);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const FormatCase *c = &cases[i];
      g_autoptr(PvSipResult) r = pv_sip_engine_address_for (engine, c->format, c->domain,
                                                            &c->person);

      g_test_message ("case %s", c->person.id);
      if (c->code < 0)
        {
          if (r->problem != NULL)
            g_error ("case %s: unexpected problem: %s", c->person.id, r->problem->message);
          g_assert_cmpint (r->status, ==, PV_SIP_STATUS_OK);
          g_assert_cmpstr (r->address, ==, c->address);
        }
      else
        {
          g_assert_cmpint (r->status, ==, PV_SIP_STATUS_PROBLEM);
          g_assert_error (r->problem, PV_SIP_ERROR, c->code);
          g_assert_null (r->address);
          g_assert_cmpuint (r->working_formats, ==, c->working);
          g_assert_nonnull (r->hint);
          g_assert_cmpstr (pv_sip_result_get_message (r), !=, "");
        }
    }
}

static void
test_hint_names_formats (void)
{
  static const char * const domains[] = { "contoso.com", NULL };
  g_autoptr(PvSipEngine) engine = pv_sip_engine_new ();
  PvSipPerson p = { "1", "No Mail", "No", "Mail", NULL, "nomail@contoso.com", NULL };
  g_autoptr(PvSipResult) r = NULL;

  pv_sip_engine_set_domains (engine, domains);
  r = pv_sip_engine_address_for (engine, PV_SIP_FORMAT_EMAIL, NULL, &p);
  g_assert_error (r->problem, PV_SIP_ERROR, PV_SIP_ERROR_NO_EMAIL);
  /* The default domain stands in for the one not yet chosen. */
  g_assert_cmpuint (r->working_formats, ==, UPN | FL);
  g_assert_nonnull (strstr (r->hint, "userPrincipalName"));
  g_assert_nonnull (strstr (r->hint, "first name.last name"));
  g_assert_null (strstr (r->hint, "sAMAccountName"));
}

static void
test_unrestricted_domains (void)
{
  g_autoptr(PvSipEngine) engine = pv_sip_engine_new ();
  PvSipPerson p = { "1", NULL, "Ann", "Lee", "ann@anything.example" };
  g_autoptr(PvSipResult) r = NULL;
  g_autoptr(PvSipResult) r2 = NULL;
  static const char * const none[] = { NULL };

  g_assert_true (pv_sip_engine_has_domain (engine, "anything.example"));
  r = pv_sip_engine_address_for (engine, PV_SIP_FORMAT_EMAIL, NULL, &p);
  g_assert_cmpstr (r->address, ==, "sip:ann@anything.example");

  /* An empty list is not the same as no list: nothing is known. */
  pv_sip_engine_set_domains (engine, none);
  g_assert_false (pv_sip_engine_has_domain (engine, "anything.example"));
  r2 = pv_sip_engine_address_for (engine, PV_SIP_FORMAT_EMAIL, NULL, &p);
  g_assert_error (r2->problem, PV_SIP_ERROR, PV_SIP_ERROR_UNKNOWN_DOMAIN);
}

static void
test_length (void)
{
  static const char * const domains[] = { "contoso.com", NULL };
  g_autoptr(PvSipEngine) engine = pv_sip_engine_new ();
  /* sip: + given + . + surname + @contoso.com = 4 + 1 + 1 + n + 12 */
  g_autofree char *fits = g_strnfill (454 - 18, 'b');
  g_autofree char *over = g_strnfill (454 - 17, 'b');
  g_autofree char *huge = g_strnfill (1 << 20, 'x');
  PvSipPerson p = { "1", NULL, "a", fits };
  g_autoptr(PvSipResult) r1 = NULL;
  g_autoptr(PvSipResult) r2 = NULL;
  g_autoptr(PvSipResult) r3 = NULL;
  g_autoptr(PvSipResult) r4 = NULL;

  pv_sip_engine_set_domains (engine, domains);

  r1 = pv_sip_engine_address_for (engine, PV_SIP_FORMAT_FIRST_LAST, "contoso.com", &p);
  g_assert_cmpint (r1->status, ==, PV_SIP_STATUS_OK);
  g_assert_cmpuint (strlen (r1->address), ==, 454);

  p.surname = over;
  r2 = pv_sip_engine_address_for (engine, PV_SIP_FORMAT_FIRST_LAST, "contoso.com", &p);
  g_assert_error (r2->problem, PV_SIP_ERROR, PV_SIP_ERROR_TOO_LONG);

  /* Hostile sizes are refused before any transliteration work. */
  p.surname = huge;
  r3 = pv_sip_engine_address_for (engine, PV_SIP_FORMAT_FIRST_LAST, "contoso.com", &p);
  g_assert_error (r3->problem, PV_SIP_ERROR, PV_SIP_ERROR_TOO_LONG);

  p.explicit_address = huge;
  r4 = pv_sip_engine_address_for (engine, PV_SIP_FORMAT_FIRST_LAST, "contoso.com", &p);
  g_assert_error (r4->problem, PV_SIP_ERROR, PV_SIP_ERROR_TOO_LONG);
}

static void
test_duplicate_chain (void)
{
  static const char * const domains[] = { "contoso.com", NULL };
  g_autoptr(PvSipEngine) engine = pv_sip_engine_new ();
  /* Four Jean Duponts, one of them “Jean Dupont3” naturally, against
   * addresses already in use. */
  PvSipPerson people[] = {
    { "a", "Jean Dupont (Paris)", "Jean", "Dupont" },
    { "b", "Jean Dupont (Lyon)", "Jean", "Dupont" },
    { "c", "Jean Dupont (Nice)", "Jean", "Dupont" },
    { "d", "Jean Dupont3", "Jean", "Dupont3" },
    { "e", "Ann Lee", "Ann", "Lee" },
    { "f", "Ann Lee bis", "Ann", "Lee" },
  };
  g_autoptr(GPtrArray) results = NULL;
  PvSipResult *r;

  pv_sip_engine_set_domains (engine, domains);
  pv_sip_engine_add_existing (engine, "sip:jean.dupont2@contoso.com");
  pv_sip_engine_add_existing (engine, "JEAN.DUPONT5@contoso.com");

  results = pv_sip_engine_resolve (engine, PV_SIP_FORMAT_FIRST_LAST, "contoso.com",
                                   people, G_N_ELEMENTS (people));
  g_assert_cmpuint (results->len, ==, G_N_ELEMENTS (people));

  r = g_ptr_array_index (results, 0);
  g_assert_cmpint (r->status, ==, PV_SIP_STATUS_OK);
  g_assert_cmpstr (r->address, ==, "sip:jean.dupont@contoso.com");
  g_assert_null (r->suggestion);

  /* 2 is in use, 3 is someone else's natural address in the selection. */
  r = g_ptr_array_index (results, 1);
  g_assert_cmpint (r->status, ==, PV_SIP_STATUS_DUPLICATE);
  g_assert_error (r->problem, PV_SIP_ERROR, PV_SIP_ERROR_DUPLICATE);
  g_assert_cmpstr (r->address, ==, "sip:jean.dupont@contoso.com");
  g_assert_nonnull (strstr (r->problem->message, "Jean Dupont (Paris)"));
  g_assert_cmpstr (r->suggestion, ==, "sip:jean.dupont4@contoso.com");
  g_assert_nonnull (strstr (r->hint, "sip:jean.dupont4@contoso.com"));

  /* The next suggestion skips the previous one and the one in use. */
  r = g_ptr_array_index (results, 2);
  g_assert_cmpint (r->status, ==, PV_SIP_STATUS_DUPLICATE);
  g_assert_cmpstr (r->suggestion, ==, "sip:jean.dupont6@contoso.com");

  r = g_ptr_array_index (results, 3);
  g_assert_cmpint (r->status, ==, PV_SIP_STATUS_OK);
  g_assert_cmpstr (r->address, ==, "sip:jean.dupont3@contoso.com");

  r = g_ptr_array_index (results, 4);
  g_assert_cmpint (r->status, ==, PV_SIP_STATUS_OK);
  r = g_ptr_array_index (results, 5);
  g_assert_cmpint (r->status, ==, PV_SIP_STATUS_DUPLICATE);
  g_assert_cmpstr (r->suggestion, ==, "sip:ann.lee2@contoso.com");
}

static void
test_duplicate_existing (void)
{
  static const char * const domains[] = { "contoso.com", NULL };
  g_autoptr(PvSipEngine) engine = pv_sip_engine_new ();
  PvSipPerson people[] = {
    { "a", "Ann Lee", "Ann", "Lee" },
    /* Already holds the address: finding it again is not a clash. */
    { "b", "Bob Ray", "Bob", "Ray", .current_address = "sip:Bob.Ray@contoso.com" },
  };
  g_autoptr(GPtrArray) results = NULL;
  PvSipResult *r;

  pv_sip_engine_set_domains (engine, domains);
  pv_sip_engine_add_existing (engine, "ann.lee@contoso.com");
  pv_sip_engine_add_existing (engine, "sip:bob.ray@contoso.com");
  g_assert_true (pv_sip_engine_is_existing (engine, "SIP:ANN.LEE@CONTOSO.COM"));

  results = pv_sip_engine_resolve (engine, PV_SIP_FORMAT_FIRST_LAST, "contoso.com",
                                   people, G_N_ELEMENTS (people));
  r = g_ptr_array_index (results, 0);
  g_assert_cmpint (r->status, ==, PV_SIP_STATUS_DUPLICATE);
  g_assert_nonnull (strstr (r->problem->message, "already in use"));
  g_assert_cmpstr (r->suggestion, ==, "sip:ann.lee2@contoso.com");

  r = g_ptr_array_index (results, 1);
  g_assert_cmpint (r->status, ==, PV_SIP_STATUS_OK);

  pv_sip_engine_clear_existing (engine);
  g_assert_false (pv_sip_engine_is_existing (engine, "sip:ann.lee@contoso.com"));
}

static void
test_no_suggestion_when_too_long (void)
{
  static const char * const domains[] = { "contoso.com", NULL };
  g_autoptr(PvSipEngine) engine = pv_sip_engine_new ();
  g_autofree char *fits = g_strnfill (454 - 18, 'b');
  PvSipPerson people[] = { { "a", NULL, "a", fits }, { "b", NULL, "a", fits } };
  g_autoptr(GPtrArray) results = NULL;
  PvSipResult *r;

  pv_sip_engine_set_domains (engine, domains);
  results = pv_sip_engine_resolve (engine, PV_SIP_FORMAT_FIRST_LAST, "contoso.com",
                                   people, G_N_ELEMENTS (people));
  r = g_ptr_array_index (results, 1);
  g_assert_cmpint (r->status, ==, PV_SIP_STATUS_DUPLICATE);
  g_assert_null (r->suggestion);
  g_assert_nonnull (r->hint);
}

static void
test_normalize (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "Jean@Contoso.com", "sip:jean@contoso.com" },
    { "SIP:Jean@Contoso.com", "sip:jean@contoso.com" },
    { "  sip:jean@contoso.com\n", "sip:jean@contoso.com" },
    { "sip:", NULL },
    { "", NULL },
    { NULL, NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = pv_sip_normalize_address (cases[i].in);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_formats_strings (void)
{
  g_autofree char *all = pv_sip_formats_to_string (EMAIL | UPN | FL | SAM);
  g_autofree char *none = pv_sip_formats_to_string (0);

  g_assert_cmpstr (all, ==, "e-mail address, userPrincipalName, first name.last name, "
                            "sAMAccountName");
  g_assert_cmpstr (none, ==, "");
  g_assert_true (pv_sip_format_needs_domain (PV_SIP_FORMAT_FIRST_LAST));
  g_assert_true (pv_sip_format_needs_domain (PV_SIP_FORMAT_SAM));
  g_assert_false (pv_sip_format_needs_domain (PV_SIP_FORMAT_EMAIL));
  g_assert_false (pv_sip_format_needs_domain (PV_SIP_FORMAT_UPN));
  g_assert_cmpstr (pv_sip_format_get_label (PV_SIP_FORMAT_EMAIL), ==,
                   "Use the user’s e-mail address");
}

static const char * const thread_names[] = {
  "Çağrı", "Иван", "Γιώργος", "Nguyễn", "Łukasz", "Søren", "Groß", "小龍",
};
static const char * const thread_expected[] = {
  "Cagri", "Ivan", "Giorgos", "Nguyen", "Lukasz", "Soren", "Gross", "xiao long",
};

static gpointer
transliterate_many (gpointer data)
{
  guint offset = GPOINTER_TO_UINT (data);

  for (guint i = 0; i < 2000; i++)
    {
      guint k = (i + offset) % G_N_ELEMENTS (thread_names);
      /* Vary the text so that the cache misses too. */
      g_autofree char *in = g_strdup_printf ("%s %u", thread_names[k], i);
      g_autofree char *expected = g_strdup_printf ("%s %u", thread_expected[k], i);
      g_autofree char *out = pv_sip_transliterate (in);

      if (g_strcmp0 (out, expected) != 0)
        return GUINT_TO_POINTER (1);
    }
  return GUINT_TO_POINTER (0);
}

static void
test_threads (void)
{
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("translit", transliterate_many, GUINT_TO_POINTER (i));
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_cmpuint (GPOINTER_TO_UINT (g_thread_join (threads[i])), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sip/transliterate", test_transliterate);
  g_test_add_func ("/sip/user-part-rule", test_user_part_rule);
  g_test_add_func ("/sip/formats", test_formats);
  g_test_add_func ("/sip/hint", test_hint_names_formats);
  g_test_add_func ("/sip/unrestricted-domains", test_unrestricted_domains);
  g_test_add_func ("/sip/length", test_length);
  g_test_add_func ("/sip/duplicate-chain", test_duplicate_chain);
  g_test_add_func ("/sip/duplicate-existing", test_duplicate_existing);
  g_test_add_func ("/sip/no-suggestion-when-too-long", test_no_suggestion_when_too_long);
  g_test_add_func ("/sip/normalize", test_normalize);
  g_test_add_func ("/sip/format-strings", test_formats_strings);
  g_test_add_func ("/sip/threads", test_threads);

  return g_test_run ();
}
