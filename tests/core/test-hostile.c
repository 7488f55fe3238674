/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "provisio-core.h"

/* Random and mutated input through every entry point that takes outside
 * data.  Besides not crashing, each checks the invariants its callers
 * rely on.  The seed is fixed so that a failure can be replayed. */

/* PV_HOSTILE_ITERATIONS raises the count for a long run by hand. */
static int iterations = 3000;
#define ITERATIONS iterations

static const char * const fragments[] = {
  "Jean", "Dupont", "Çağrı", "Иван", "Γιώργος", "ı", "'", "’", " ", "-", ".", "@", "&", ";",
  "sip:", "tel:+", "+33", ";ext=", "\"", ",", "\n", "\r\n", "\xef\xbb\xbf", "\xff", "\xc3",
  "\x00", "💡", "contoso.com", "..", "%20", "\t", "0", "9", "{", "}", "[", "]", ":", "null",
  "true", "42", "-1", "1e999", "\\u0000", "\\", "id", "mail", "givenName", "surname",
};

static char *
random_text (GRand *rand,
             gsize *length)
{
  GString *s = g_string_new (NULL);
  int n = g_rand_int_range (rand, 0, 24);

  for (int i = 0; i < n; i++)
    {
      if (g_rand_int_range (rand, 0, 4) == 0)
        g_string_append_c (s, (char) g_rand_int_range (rand, 1, 256));
      else
        {
          const char *f = fragments[g_rand_int_range (rand, 0, G_N_ELEMENTS (fragments))];
          /* "\x00" is one NUL byte. */
          if (*f == '\0')
            g_string_append_len (s, "", 1);
          else
            g_string_append (s, f);
        }
    }
  *length = s->len;
  return g_string_free (s, FALSE);
}

static void
test_validators (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);

  for (int i = 0; i < ITERATIONS; i++)
    {
      gsize len;
      g_autofree char *text = random_text (rand, &len);
      gboolean (*validators[]) (const char *, GError **) = {
        pv_validate_email, pv_validate_e164, pv_validate_line_uri, pv_validate_fqdn,
        pv_validate_sip_uri, pv_validate_sip_user_part,
      };

      for (gsize v = 0; v < G_N_ELEMENTS (validators); v++)
        {
          g_autoptr(GError) error = NULL;
          gboolean ok = validators[v] (text, &error);

          g_assert_true (ok == (error == NULL));
          if (error != NULL)
            g_assert_true (g_utf8_validate (error->message, -1, NULL));
        }
      {
        g_autoptr(GError) error = NULL;
        int size = -1;
        if (pv_validate_company_size (text, &size, &error))
          g_assert_cmpint (size, >, 0);
        else
          g_assert_nonnull (error);
      }
    }
}

static void
test_sip_engine (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2);
  g_autoptr(PvSipEngine) engine = pv_sip_engine_new ();
  static const char * const domains[] = { "contoso.com", NULL };

  pv_sip_engine_set_domains (engine, domains);

  for (int i = 0; i < ITERATIONS / 10; i++)
    {
      PvSipPerson people[10];
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) results = NULL;
      PvSipFormat format = g_rand_int_range (rand, 0, PV_SIP_N_FORMATS);

      for (guint p = 0; p < G_N_ELEMENTS (people); p++)
        {
          const char **fields[] = {
            &people[p].id, &people[p].display_name, &people[p].given_name, &people[p].surname,
            &people[p].mail, &people[p].user_principal_name, &people[p].sam_account_name,
            &people[p].explicit_address, &people[p].current_address,
          };

          for (gsize f = 0; f < G_N_ELEMENTS (fields); f++)
            {
              gsize len;
              char *text = random_text (rand, &len);

              g_ptr_array_add (texts, text);
              /* Mostly well-formed people, some with nothing at all. */
              *fields[f] = g_rand_int_range (rand, 0, 5) == 0 ? NULL : text;
            }
          if (g_rand_boolean (rand))
            people[p].explicit_address = NULL;
          if (g_rand_boolean (rand))
            people[p].mail = "Jean.Dupont@contoso.com";
        }

      results = pv_sip_engine_resolve (engine, format, "contoso.com", people,
                                       G_N_ELEMENTS (people));
      g_assert_cmpuint (results->len, ==, G_N_ELEMENTS (people));
      for (guint r = 0; r < results->len; r++)
        {
          PvSipResult *res = g_ptr_array_index (results, r);

          if (res->status == PV_SIP_STATUS_PROBLEM)
            {
              g_assert_null (res->address);
              g_assert_nonnull (res->problem);
              g_assert_nonnull (res->hint);
            }
          else
            {
              /* Whatever went in, what comes out is a valid, lower-case
               * address in a known domain. */
              g_autofree char *lower = g_ascii_strdown (res->address, -1);
              g_assert_true (pv_validate_sip_uri (res->address, NULL));
              g_assert_cmpstr (lower, ==, res->address);
              g_assert_true (g_str_has_suffix (res->address, "@contoso.com"));
            }
          if (res->suggestion != NULL)
            g_assert_true (pv_validate_sip_uri (res->suggestion, NULL));
        }
    }
}

static void
test_csv (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);

  for (int i = 0; i < ITERATIONS; i++)
    {
      gsize len;
      char *text = random_text (rand, &len);
      g_autoptr(GBytes) bytes = g_bytes_new_take (text, len);
      g_autoptr(PvCsvReader) reader = pv_csv_reader_new (bytes, "fuzz.csv");
      g_autoptr(GError) error = NULL;
      GStrv row = NULL;
      guint rows = 0;

      while (pv_csv_reader_read_row (reader, &row, &error))
        {
          g_assert_nonnull (row);
          for (guint f = 0; row[f] != NULL; f++)
            g_assert_true (g_utf8_validate (row[f], -1, NULL));
          g_strfreev (row);
          rows++;
          g_assert_cmpuint (rows, <=, len + 1);
        }
      g_assert_null (row);
      if (error != NULL)
        g_assert_true (g_str_has_prefix (error->message, "fuzz.csv"));
    }
}

typedef GObject *(*ReadFunc) (JsonNode *, const char *, GError **);

#define READER(name, type) \
  static GObject * \
  name (JsonNode   *node, \
        const char *path, \
        GError    **error) \
  { \
    return G_OBJECT (type##_new_from_json (node, path, error)); \
  }

READER (read_user, pv_user)
READER (read_operator, pv_operator)
READER (read_sku, pv_licence_sku)
READER (read_number, pv_phone_number)
READER (read_country, pv_country)

static const char * const json_members[] = {
  "id", "displayName", "mail", "onPremisesSyncEnabled", "teamsUpgradeEffectiveMode",
  "assignedLicenses", "assignedPlans", "skuId", "skuPartNumber", "servicePlans",
  "servicePlanId", "services", "countries", "emergencyAddressModel", "telephoneNumber",
  "numberType", "code", "consumedUnits",
};
static const char * const json_values[] = {
  "null", "true", "0", "-1", "99999999999999", "1.5", "\"\"", "\"x\"", "\"TeamsOnly\"",
  "\"calling\"", "\"+33142685300\"", "\"FR\"", "[]", "{}", "[\"calling\"]", "[null]",
  "[{}]", "[{\"skuId\":\"s\"}]", "[{\"servicePlanId\":1}]", "\"callingPlan\"",
  "\"adminAssigns\"",
};

static void
test_json (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);
  ReadFunc readers[] = { read_user, read_operator, read_sku, read_number, read_country };

  for (int i = 0; i < ITERATIONS; i++)
    {
      g_autoptr(GString) doc = g_string_new ("{");
      g_autoptr(JsonNode) node = NULL;
      int n = g_rand_int_range (rand, 0, 8);

      for (int m = 0; m < n; m++)
        g_string_append_printf (doc, "%s\"%s\":%s", m ? "," : "",
                                json_members[g_rand_int_range (rand, 0,
                                                               G_N_ELEMENTS (json_members))],
                                json_values[g_rand_int_range (rand, 0,
                                                              G_N_ELEMENTS (json_values))]);
      g_string_append_c (doc, '}');
      /* Sometimes break the document itself. */
      if (g_rand_int_range (rand, 0, 6) == 0)
        g_string_truncate (doc, g_rand_int_range (rand, 0, doc->len));

      node = pv_json_parse (doc->str, doc->len, NULL);
      if (node == NULL)
        continue;
      for (gsize r = 0; r < G_N_ELEMENTS (readers); r++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GObject) object = readers[r] (node, "fuzz", &error);

          g_assert_true ((object == NULL) == (error != NULL));
          if (error != NULL)
            g_assert_true (error->domain == PV_JSON_ERROR);
        }
    }
}

static const char * const xml_inserts[] = {
  "<", ">", "</", "/>", "&", "&amp;", "&#0;", "&#x1F4A1;", "\"", "'", "=", "<!DOCTYPE x>",
  "<!ENTITY a \"b\">", "&a;", "<![CDATA[", "]]>", "<?xml version='1.0'?>", "<!--", "-->",
  "xmlns=\"urn:x\"", " IsDirector=\"true\"", "<Machine Fqdn=\"m\"/>", "<item/>", "\xff",
  "\xc3", "\xef\xbb\xbf", "\n", "\t",
};

/* Mutates a good file: inserts, deletes and truncates at random, so
 * that most inputs are nearly valid and reach the structure checks. */
static GBytes *
mutate (GRand      *rand,
        const char *contents,
        gsize       length)
{
  GString *s = g_string_new_len (contents, length);
  int n = g_rand_int_range (rand, 1, 6);

  for (int m = 0; m < n && s->len > 0; m++)
    {
      gsize at = g_rand_int_range (rand, 0, s->len);

      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
          g_string_insert (s, at, xml_inserts[g_rand_int_range (rand, 0,
                                                                 G_N_ELEMENTS (xml_inserts))]);
          break;
        case 1:
          {
            gsize span = g_rand_int_range (rand, 1, 40);

            g_string_erase (s, at, MIN (s->len - at, span));
          }
          break;
        case 2:
          s->str[at] = (char) g_rand_int_range (rand, 1, 256);
          break;
        default:
          if (g_rand_int_range (rand, 0, 4) == 0)
            g_string_truncate (s, at);
          break;
        }
    }
  return g_string_free_to_bytes (s);
}

static void
test_xml (void)
{
  static const char * const fixtures[] = {
    "topology-directors.xml", "topology-medium.xml", "results-good.xml",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);

  for (gsize f = 0; f < G_N_ELEMENTS (fixtures); f++)
    {
      g_autofree char *path = g_build_filename (PV_TEST_SRCDIR, "fixtures", fixtures[f], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      for (int i = 0; i < ITERATIONS / 3; i++)
        {
          g_autoptr(GBytes) data = mutate (rand, contents, length);
          g_autoptr(GError) error = NULL;

          if (g_str_has_prefix (fixtures[f], "topology"))
            {
              g_autoptr(PvTopology) topology = pv_topology_new_from_bytes (data, "fuzz.xml",
                                                                           &error);

              g_assert_true ((topology == NULL) == (error != NULL));
              if (topology != NULL)
                g_assert_cmpuint (g_list_model_get_n_items (pv_topology_get_pools (topology)),
                                  >, 0);
            }
          else
            {
              g_autoptr(PvRunInfo) info = NULL;
              g_autoptr(GListModel) results = NULL;
              gboolean ok = pv_results_xml_read (data, "fuzz.xml", &info, &results, &error);

              g_assert_true (ok == (error == NULL));
              g_assert_true (ok == (results != NULL));
            }
          if (error != NULL)
            {
              g_assert_true (error->domain == PV_XML_ERROR ||
                             error->domain == PV_TOPOLOGY_ERROR);
              g_assert_true (g_utf8_validate (error->message, -1, NULL));
              g_assert_nonnull (strstr (error->message, "fuzz.xml"));
            }
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("LANGUAGE", "en", TRUE);
  if (g_getenv ("PV_HOSTILE_ITERATIONS") != NULL)
    iterations = MAX (1, atoi (g_getenv ("PV_HOSTILE_ITERATIONS")));
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile/validators", test_validators);
  g_test_add_func ("/hostile/sip-engine", test_sip_engine);
  g_test_add_func ("/hostile/csv", test_csv);
  g_test_add_func ("/hostile/json", test_json);
  g_test_add_func ("/hostile/xml", test_xml);

  return g_test_run ();
}
