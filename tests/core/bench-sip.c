/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "pv-sip.h"

/* 100 000 generated people through the SIP engine.  Prints figures; it
 * asserts nothing about time, which depends on the machine. */

#define N_PEOPLE 100000

static const char * const given_names[] = {
  "Jean", "Hélène", "François", "Zoë", "Jürgen", "Günther", "Søren", "Åsa", "Björn", "Þór",
  "Łukasz", "Małgorzata", "Çağrı", "İsmail", "Ayşe", "Nguyễn Văn", "Trần Thị", "Γιώργος",
  "Ελένη", "Иван", "Юлия", "Anne-Sophie", "Seán", "Mary Ann", "Ann", "Bob", "Olivia", "Noah",
  "Liam", "Emma", "Mohammed", "Fatima", "Priya", "Wei", "Yuki", "Kofi", "Aroha", "Ngozi",
};

static const char * const surnames[] = {
  "Dupont", "de la Fontaine", "Lefèvre", "D'Artagnan", "Müller", "Groß", "Kierkegaard",
  "Ærø", "Guðmundsdóttir", "Żółć", "Wąsowska-Brzęczyszczykiewicz", "Şahin", "Güçlü",
  "Nguyễn", "Hương", "Παπαδόπουλος", "Петров", "Щербакова", "O’Brien", "van Beethoven",
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Martinez", "Lee", "Kim",
  "Okafor", "Tanaka", "Singh", "Haddad", "Rossi", "Silva", "Novak", "Horvat", "Jensen",
};

static double
run (PvSipEngine       *engine,
     const char        *label,
     PvSipFormat        format,
     const PvSipPerson *people,
     gsize              n)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GPtrArray) results = pv_sip_engine_resolve (engine, format, "contoso.com", people, n);
  gint64 elapsed = g_get_monotonic_time () - start;
  guint ok = 0, problems = 0, duplicates = 0;
  double ms = elapsed / 1000.0;

  for (guint i = 0; i < results->len; i++)
    {
      PvSipResult *r = g_ptr_array_index (results, i);
      if (r->status == PV_SIP_STATUS_OK)
        ok++;
      else if (r->status == PV_SIP_STATUS_DUPLICATE)
        duplicates++;
      else
        problems++;
    }

  g_print ("%-44s %8.1f ms  %10.0f people/s  (%u ok, %u duplicates, %u problems)\n",
           label, ms, n / (elapsed / 1e6), ok, duplicates, problems);
  return ms;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PvSipEngine) engine = pv_sip_engine_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  PvSipPerson *people = g_new0 (PvSipPerson, N_PEOPLE);
  PvSipPerson *unique = g_new0 (PvSipPerson, N_PEOPLE);
  static const char * const domains[] = { "contoso.com", "fabrikam.com", NULL };

  setlocale (LC_ALL, "");
  pv_sip_engine_set_domains (engine, domains);

  for (guint i = 0; i < N_PEOPLE; i++)
    {
      /* Compound names make the directory varied enough to look real;
       * common namesakes still give duplicate chains. */
      const char *given1 = given_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (given_names))];
      const char *given2 = given_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (given_names))];
      const char *surname1 = surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))];
      const char *surname2 = surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))];
      char *given = g_rand_int_range (rand, 0, 10) < 3 ? g_strconcat (given1, "-", given2, NULL)
                                                        : g_strdup (given1);
      char *surname = g_rand_boolean (rand) ? g_strconcat (surname1, " ", surname2, NULL)
                                             : g_strdup (surname1);
      char *id = g_strdup_printf ("%08x-0000-4000-8000-%012u", i, i);
      char *mail = g_strdup_printf ("user%u@contoso.com", i);
      /* Every name distinct and non-Latin: nothing for the cache to reuse. */
      char *unique_surname = g_strdup_printf ("Петров-Παπα%u", i);

      g_ptr_array_add (strings, given);
      g_ptr_array_add (strings, surname);
      g_ptr_array_add (strings, id);
      g_ptr_array_add (strings, mail);
      g_ptr_array_add (strings, unique_surname);
      people[i] = (PvSipPerson) { .id = id, .given_name = given, .surname = surname,
                                  .mail = i % 50 == 0 ? NULL : mail,
                                  .user_principal_name = mail };
      unique[i] = (PvSipPerson) { .id = id, .given_name = given, .surname = unique_surname };
      if (i % 10 == 0)
        pv_sip_engine_add_existing (engine, mail);
    }

  g_print ("SIP engine, %d people\n", N_PEOPLE);
  run (engine, "firstlast, names from a directory (cold)", PV_SIP_FORMAT_FIRST_LAST, people,
       N_PEOPLE);
  run (engine, "firstlast, names from a directory (warm)", PV_SIP_FORMAT_FIRST_LAST, people,
       N_PEOPLE);
  run (engine, "email, 10 % already in use", PV_SIP_FORMAT_EMAIL, people, N_PEOPLE);
  run (engine, "firstlast, every surname unique and non-Latin", PV_SIP_FORMAT_FIRST_LAST,
       unique, N_PEOPLE);

  g_free (people);
  g_free (unique);
  return 0;
}
