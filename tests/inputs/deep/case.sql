--
-- PostgreSQL database dump
--

\restrict r3L0SfbIhAuEm6hBeMun5BIOjFsHbMY8qIaRhDpxHu4d1TgtrryEf3sDXX6eYEb

-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: levels; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.levels (
    x integer
);


--
-- Name: level; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.level AS
 SELECT
        CASE
            WHEN (levels.x > 999) THEN
            CASE
                WHEN (levels.x > 998) THEN
                CASE
                    WHEN (levels.x > 997) THEN
                    CASE
                        WHEN (levels.x > 996) THEN
                        CASE
                            WHEN (levels.x > 995) THEN
                            CASE
                                WHEN (levels.x > 994) THEN
                                CASE
                                    WHEN (levels.x > 993) THEN
                                    CASE
WHEN (levels.x > 992) THEN
CASE
 WHEN (levels.x > 991) THEN
 CASE
  WHEN (levels.x > 990) THEN
  CASE
   WHEN (levels.x > 989) THEN
   CASE
    WHEN (levels.x > 988) THEN
    CASE
     WHEN (levels.x > 987) THEN
     CASE
      WHEN (levels.x > 986) THEN
      CASE
       WHEN (levels.x > 985) THEN
       CASE
        WHEN (levels.x > 984) THEN
        CASE
         WHEN (levels.x > 983) THEN
         CASE
          WHEN (levels.x > 982) THEN
          CASE
           WHEN (levels.x > 981) THEN
           CASE
            WHEN (levels.x > 980) THEN
            CASE
             WHEN (levels.x > 979) THEN
             CASE
              WHEN (levels.x > 978) THEN
              CASE
               WHEN (levels.x > 977) THEN
               CASE
                WHEN (levels.x > 976) THEN
                CASE
                 WHEN (levels.x > 975) THEN
                 CASE
                  WHEN (levels.x > 974) THEN
                  CASE
                   WHEN (levels.x > 973) THEN
                   CASE
                    WHEN (levels.x > 972) THEN
                    CASE
                     WHEN (levels.x > 971) THEN
                     CASE
                      WHEN (levels.x > 970) THEN
                      CASE
                       WHEN (levels.x > 969) THEN
                       CASE
                        WHEN (levels.x > 968) THEN
                        CASE
                         WHEN (levels.x > 967) THEN
                         CASE
                          WHEN (levels.x > 966) THEN
                          CASE
                           WHEN (levels.x > 965) THEN
                           CASE
                            WHEN (levels.x > 964) THEN
                            CASE
                             WHEN (levels.x > 963) THEN
                             CASE
                              WHEN (levels.x > 962) THEN
                              CASE
                               WHEN (levels.x > 961) THEN
                               CASE
                                WHEN (levels.x > 960) THEN
                                CASE
                                 WHEN (levels.x > 959) THEN
                                 CASE
                                  WHEN (levels.x > 958) THEN
                                  CASE
                                   WHEN (levels.x > 957) THEN
                                   CASE
                                    WHEN (levels.x > 956) THEN
                                    CASE
                                     WHEN (levels.x > 955) THEN
                                     CASE
                                      WHEN (levels.x > 954) THEN
                                      CASE
                                       WHEN (levels.x > 953) THEN
                                       CASE
WHEN (levels.x > 952) THEN
CASE
 WHEN (levels.x > 951) THEN
 CASE
  WHEN (levels.x > 950) THEN
  CASE
   WHEN (levels.x > 949) THEN
   CASE
    WHEN (levels.x > 948) THEN
    CASE
     WHEN (levels.x > 947) THEN
     CASE
      WHEN (levels.x > 946) THEN
      CASE
       WHEN (levels.x > 945) THEN
       CASE
        WHEN (levels.x > 944) THEN
        CASE
         WHEN (levels.x > 943) THEN
         CASE
          WHEN (levels.x > 942) THEN
          CASE
           WHEN (levels.x > 941) THEN
           CASE
            WHEN (levels.x > 940) THEN
            CASE
             WHEN (levels.x > 939) THEN
             CASE
              WHEN (levels.x > 938) THEN
              CASE
               WHEN (levels.x > 937) THEN
               CASE
                WHEN (levels.x > 936) THEN
                CASE
                 WHEN (levels.x > 935) THEN
                 CASE
                  WHEN (levels.x > 934) THEN
                  CASE
                   WHEN (levels.x > 933) THEN
                   CASE
                    WHEN (levels.x > 932) THEN
                    CASE
                     WHEN (levels.x > 931) THEN
                     CASE
                      WHEN (levels.x > 930) THEN
                      CASE
                       WHEN (levels.x > 929) THEN
                       CASE
                        WHEN (levels.x > 928) THEN
                        CASE
                         WHEN (levels.x > 927) THEN
                         CASE
                          WHEN (levels.x > 926) THEN
                          CASE
                           WHEN (levels.x > 925) THEN
                           CASE
                            WHEN (levels.x > 924) THEN
                            CASE
                             WHEN (levels.x > 923) THEN
                             CASE
                              WHEN (levels.x > 922) THEN
                              CASE
                               WHEN (levels.x > 921) THEN
                               CASE
                                WHEN (levels.x > 920) THEN
                                CASE
                                 WHEN (levels.x > 919) THEN
                                 CASE
                                  WHEN (levels.x > 918) THEN
                                  CASE
                                   WHEN (levels.x > 917) THEN
                                   CASE
                                    WHEN (levels.x > 916) THEN
                                    CASE
                                     WHEN (levels.x > 915) THEN
                                     CASE
                                      WHEN (levels.x > 914) THEN
                                      CASE
                                       WHEN (levels.x > 913) THEN
                                       CASE
WHEN (levels.x > 912) THEN
CASE
 WHEN (levels.x > 911) THEN
 CASE
  WHEN (levels.x > 910) THEN
  CASE
   WHEN (levels.x > 909) THEN
   CASE
    WHEN (levels.x > 908) THEN
    CASE
     WHEN (levels.x > 907) THEN
     CASE
      WHEN (levels.x > 906) THEN
      CASE
       WHEN (levels.x > 905) THEN
       CASE
        WHEN (levels.x > 904) THEN
        CASE
         WHEN (levels.x > 903) THEN
         CASE
          WHEN (levels.x > 902) THEN
          CASE
           WHEN (levels.x > 901) THEN
           CASE
            WHEN (levels.x > 900) THEN
            CASE
             WHEN (levels.x > 899) THEN
             CASE
              WHEN (levels.x > 898) THEN
              CASE
               WHEN (levels.x > 897) THEN
               CASE
                WHEN (levels.x > 896) THEN
                CASE
                 WHEN (levels.x > 895) THEN
                 CASE
                  WHEN (levels.x > 894) THEN
                  CASE
                   WHEN (levels.x > 893) THEN
                   CASE
                    WHEN (levels.x > 892) THEN
                    CASE
                     WHEN (levels.x > 891) THEN
                     CASE
                      WHEN (levels.x > 890) THEN
                      CASE
                       WHEN (levels.x > 889) THEN
                       CASE
                        WHEN (levels.x > 888) THEN
                        CASE
                         WHEN (levels.x > 887) THEN
                         CASE
                          WHEN (levels.x > 886) THEN
                          CASE
                           WHEN (levels.x > 885) THEN
                           CASE
                            WHEN (levels.x > 884) THEN
                            CASE
                             WHEN (levels.x > 883) THEN
                             CASE
                              WHEN (levels.x > 882) THEN
                              CASE
                               WHEN (levels.x > 881) THEN
                               CASE
                                WHEN (levels.x > 880) THEN
                                CASE
                                 WHEN (levels.x > 879) THEN
                                 CASE
                                  WHEN (levels.x > 878) THEN
                                  CASE
                                   WHEN (levels.x > 877) THEN
                                   CASE
                                    WHEN (levels.x > 876) THEN
                                    CASE
                                     WHEN (levels.x > 875) THEN
                                     CASE
                                      WHEN (levels.x > 874) THEN
                                      CASE
                                       WHEN (levels.x > 873) THEN
                                       CASE
WHEN (levels.x > 872) THEN
CASE
 WHEN (levels.x > 871) THEN
 CASE
  WHEN (levels.x > 870) THEN
  CASE
   WHEN (levels.x > 869) THEN
   CASE
    WHEN (levels.x > 868) THEN
    CASE
     WHEN (levels.x > 867) THEN
     CASE
      WHEN (levels.x > 866) THEN
      CASE
       WHEN (levels.x > 865) THEN
       CASE
        WHEN (levels.x > 864) THEN
        CASE
         WHEN (levels.x > 863) THEN
         CASE
          WHEN (levels.x > 862) THEN
          CASE
           WHEN (levels.x > 861) THEN
           CASE
            WHEN (levels.x > 860) THEN
            CASE
             WHEN (levels.x > 859) THEN
             CASE
              WHEN (levels.x > 858) THEN
              CASE
               WHEN (levels.x > 857) THEN
               CASE
                WHEN (levels.x > 856) THEN
                CASE
                 WHEN (levels.x > 855) THEN
                 CASE
                  WHEN (levels.x > 854) THEN
                  CASE
                   WHEN (levels.x > 853) THEN
                   CASE
                    WHEN (levels.x > 852) THEN
                    CASE
                     WHEN (levels.x > 851) THEN
                     CASE
                      WHEN (levels.x > 850) THEN
                      CASE
                       WHEN (levels.x > 849) THEN
                       CASE
                        WHEN (levels.x > 848) THEN
                        CASE
                         WHEN (levels.x > 847) THEN
                         CASE
                          WHEN (levels.x > 846) THEN
                          CASE
                           WHEN (levels.x > 845) THEN
                           CASE
                            WHEN (levels.x > 844) THEN
                            CASE
                             WHEN (levels.x > 843) THEN
                             CASE
                              WHEN (levels.x > 842) THEN
                              CASE
                               WHEN (levels.x > 841) THEN
                               CASE
                                WHEN (levels.x > 840) THEN
                                CASE
                                 WHEN (levels.x > 839) THEN
                                 CASE
                                  WHEN (levels.x > 838) THEN
                                  CASE
                                   WHEN (levels.x > 837) THEN
                                   CASE
                                    WHEN (levels.x > 836) THEN
                                    CASE
                                     WHEN (levels.x > 835) THEN
                                     CASE
                                      WHEN (levels.x > 834) THEN
                                      CASE
                                       WHEN (levels.x > 833) THEN
                                       CASE
WHEN (levels.x > 832) THEN
CASE
 WHEN (levels.x > 831) THEN
 CASE
  WHEN (levels.x > 830) THEN
  CASE
   WHEN (levels.x > 829) THEN
   CASE
    WHEN (levels.x > 828) THEN
    CASE
     WHEN (levels.x > 827) THEN
     CASE
      WHEN (levels.x > 826) THEN
      CASE
       WHEN (levels.x > 825) THEN
       CASE
        WHEN (levels.x > 824) THEN
        CASE
         WHEN (levels.x > 823) THEN
         CASE
          WHEN (levels.x > 822) THEN
          CASE
           WHEN (levels.x > 821) THEN
           CASE
            WHEN (levels.x > 820) THEN
            CASE
             WHEN (levels.x > 819) THEN
             CASE
              WHEN (levels.x > 818) THEN
              CASE
               WHEN (levels.x > 817) THEN
               CASE
                WHEN (levels.x > 816) THEN
                CASE
                 WHEN (levels.x > 815) THEN
                 CASE
                  WHEN (levels.x > 814) THEN
                  CASE
                   WHEN (levels.x > 813) THEN
                   CASE
                    WHEN (levels.x > 812) THEN
                    CASE
                     WHEN (levels.x > 811) THEN
                     CASE
                      WHEN (levels.x > 810) THEN
                      CASE
                       WHEN (levels.x > 809) THEN
                       CASE
                        WHEN (levels.x > 808) THEN
                        CASE
                         WHEN (levels.x > 807) THEN
                         CASE
                          WHEN (levels.x > 806) THEN
                          CASE
                           WHEN (levels.x > 805) THEN
                           CASE
                            WHEN (levels.x > 804) THEN
                            CASE
                             WHEN (levels.x > 803) THEN
                             CASE
                              WHEN (levels.x > 802) THEN
                              CASE
                               WHEN (levels.x > 801) THEN
                               CASE
                                WHEN (levels.x > 800) THEN
                                CASE
                                 WHEN (levels.x > 799) THEN
                                 CASE
                                  WHEN (levels.x > 798) THEN
                                  CASE
                                   WHEN (levels.x > 797) THEN
                                   CASE
                                    WHEN (levels.x > 796) THEN
                                    CASE
                                     WHEN (levels.x > 795) THEN
                                     CASE
                                      WHEN (levels.x > 794) THEN
                                      CASE
                                       WHEN (levels.x > 793) THEN
                                       CASE
WHEN (levels.x > 792) THEN
CASE
 WHEN (levels.x > 791) THEN
 CASE
  WHEN (levels.x > 790) THEN
  CASE
   WHEN (levels.x > 789) THEN
   CASE
    WHEN (levels.x > 788) THEN
    CASE
     WHEN (levels.x > 787) THEN
     CASE
      WHEN (levels.x > 786) THEN
      CASE
       WHEN (levels.x > 785) THEN
       CASE
        WHEN (levels.x > 784) THEN
        CASE
         WHEN (levels.x > 783) THEN
         CASE
          WHEN (levels.x > 782) THEN
          CASE
           WHEN (levels.x > 781) THEN
           CASE
            WHEN (levels.x > 780) THEN
            CASE
             WHEN (levels.x > 779) THEN
             CASE
              WHEN (levels.x > 778) THEN
              CASE
               WHEN (levels.x > 777) THEN
               CASE
                WHEN (levels.x > 776) THEN
                CASE
                 WHEN (levels.x > 775) THEN
                 CASE
                  WHEN (levels.x > 774) THEN
                  CASE
                   WHEN (levels.x > 773) THEN
                   CASE
                    WHEN (levels.x > 772) THEN
                    CASE
                     WHEN (levels.x > 771) THEN
                     CASE
                      WHEN (levels.x > 770) THEN
                      CASE
                       WHEN (levels.x > 769) THEN
                       CASE
                        WHEN (levels.x > 768) THEN
                        CASE
                         WHEN (levels.x > 767) THEN
                         CASE
                          WHEN (levels.x > 766) THEN
                          CASE
                           WHEN (levels.x > 765) THEN
                           CASE
                            WHEN (levels.x > 764) THEN
                            CASE
                             WHEN (levels.x > 763) THEN
                             CASE
                              WHEN (levels.x > 762) THEN
                              CASE
                               WHEN (levels.x > 761) THEN
                               CASE
                                WHEN (levels.x > 760) THEN
                                CASE
                                 WHEN (levels.x > 759) THEN
                                 CASE
                                  WHEN (levels.x > 758) THEN
                                  CASE
                                   WHEN (levels.x > 757) THEN
                                   CASE
                                    WHEN (levels.x > 756) THEN
                                    CASE
                                     WHEN (levels.x > 755) THEN
                                     CASE
                                      WHEN (levels.x > 754) THEN
                                      CASE
                                       WHEN (levels.x > 753) THEN
                                       CASE
WHEN (levels.x > 752) THEN
CASE
 WHEN (levels.x > 751) THEN
 CASE
  WHEN (levels.x > 750) THEN
  CASE
   WHEN (levels.x > 749) THEN
   CASE
    WHEN (levels.x > 748) THEN
    CASE
     WHEN (levels.x > 747) THEN
     CASE
      WHEN (levels.x > 746) THEN
      CASE
       WHEN (levels.x > 745) THEN
       CASE
        WHEN (levels.x > 744) THEN
        CASE
         WHEN (levels.x > 743) THEN
         CASE
          WHEN (levels.x > 742) THEN
          CASE
           WHEN (levels.x > 741) THEN
           CASE
            WHEN (levels.x > 740) THEN
            CASE
             WHEN (levels.x > 739) THEN
             CASE
              WHEN (levels.x > 738) THEN
              CASE
               WHEN (levels.x > 737) THEN
               CASE
                WHEN (levels.x > 736) THEN
                CASE
                 WHEN (levels.x > 735) THEN
                 CASE
                  WHEN (levels.x > 734) THEN
                  CASE
                   WHEN (levels.x > 733) THEN
                   CASE
                    WHEN (levels.x > 732) THEN
                    CASE
                     WHEN (levels.x > 731) THEN
                     CASE
                      WHEN (levels.x > 730) THEN
                      CASE
                       WHEN (levels.x > 729) THEN
                       CASE
                        WHEN (levels.x > 728) THEN
                        CASE
                         WHEN (levels.x > 727) THEN
                         CASE
                          WHEN (levels.x > 726) THEN
                          CASE
                           WHEN (levels.x > 725) THEN
                           CASE
                            WHEN (levels.x > 724) THEN
                            CASE
                             WHEN (levels.x > 723) THEN
                             CASE
                              WHEN (levels.x > 722) THEN
                              CASE
                               WHEN (levels.x > 721) THEN
                               CASE
                                WHEN (levels.x > 720) THEN
                                CASE
                                 WHEN (levels.x > 719) THEN
                                 CASE
                                  WHEN (levels.x > 718) THEN
                                  CASE
                                   WHEN (levels.x > 717) THEN
                                   CASE
                                    WHEN (levels.x > 716) THEN
                                    CASE
                                     WHEN (levels.x > 715) THEN
                                     CASE
                                      WHEN (levels.x > 714) THEN
                                      CASE
                                       WHEN (levels.x > 713) THEN
                                       CASE
WHEN (levels.x > 712) THEN
CASE
 WHEN (levels.x > 711) THEN
 CASE
  WHEN (levels.x > 710) THEN
  CASE
   WHEN (levels.x > 709) THEN
   CASE
    WHEN (levels.x > 708) THEN
    CASE
     WHEN (levels.x > 707) THEN
     CASE
      WHEN (levels.x > 706) THEN
      CASE
       WHEN (levels.x > 705) THEN
       CASE
        WHEN (levels.x > 704) THEN
        CASE
         WHEN (levels.x > 703) THEN
         CASE
          WHEN (levels.x > 702) THEN
          CASE
           WHEN (levels.x > 701) THEN
           CASE
            WHEN (levels.x > 700) THEN
            CASE
             WHEN (levels.x > 699) THEN
             CASE
              WHEN (levels.x > 698) THEN
              CASE
               WHEN (levels.x > 697) THEN
               CASE
                WHEN (levels.x > 696) THEN
                CASE
                 WHEN (levels.x > 695) THEN
                 CASE
                  WHEN (levels.x > 694) THEN
                  CASE
                   WHEN (levels.x > 693) THEN
                   CASE
                    WHEN (levels.x > 692) THEN
                    CASE
                     WHEN (levels.x > 691) THEN
                     CASE
                      WHEN (levels.x > 690) THEN
                      CASE
                       WHEN (levels.x > 689) THEN
                       CASE
                        WHEN (levels.x > 688) THEN
                        CASE
                         WHEN (levels.x > 687) THEN
                         CASE
                          WHEN (levels.x > 686) THEN
                          CASE
                           WHEN (levels.x > 685) THEN
                           CASE
                            WHEN (levels.x > 684) THEN
                            CASE
                             WHEN (levels.x > 683) THEN
                             CASE
                              WHEN (levels.x > 682) THEN
                              CASE
                               WHEN (levels.x > 681) THEN
                               CASE
                                WHEN (levels.x > 680) THEN
                                CASE
                                 WHEN (levels.x > 679) THEN
                                 CASE
                                  WHEN (levels.x > 678) THEN
                                  CASE
                                   WHEN (levels.x > 677) THEN
                                   CASE
                                    WHEN (levels.x > 676) THEN
                                    CASE
                                     WHEN (levels.x > 675) THEN
                                     CASE
                                      WHEN (levels.x > 674) THEN
                                      CASE
                                       WHEN (levels.x > 673) THEN
                                       CASE
WHEN (levels.x > 672) THEN
CASE
 WHEN (levels.x > 671) THEN
 CASE
  WHEN (levels.x > 670) THEN
  CASE
   WHEN (levels.x > 669) THEN
   CASE
    WHEN (levels.x > 668) THEN
    CASE
     WHEN (levels.x > 667) THEN
     CASE
      WHEN (levels.x > 666) THEN
      CASE
       WHEN (levels.x > 665) THEN
       CASE
        WHEN (levels.x > 664) THEN
        CASE
         WHEN (levels.x > 663) THEN
         CASE
          WHEN (levels.x > 662) THEN
          CASE
           WHEN (levels.x > 661) THEN
           CASE
            WHEN (levels.x > 660) THEN
            CASE
             WHEN (levels.x > 659) THEN
             CASE
              WHEN (levels.x > 658) THEN
              CASE
               WHEN (levels.x > 657) THEN
               CASE
                WHEN (levels.x > 656) THEN
                CASE
                 WHEN (levels.x > 655) THEN
                 CASE
                  WHEN (levels.x > 654) THEN
                  CASE
                   WHEN (levels.x > 653) THEN
                   CASE
                    WHEN (levels.x > 652) THEN
                    CASE
                     WHEN (levels.x > 651) THEN
                     CASE
                      WHEN (levels.x > 650) THEN
                      CASE
                       WHEN (levels.x > 649) THEN
                       CASE
                        WHEN (levels.x > 648) THEN
                        CASE
                         WHEN (levels.x > 647) THEN
                         CASE
                          WHEN (levels.x > 646) THEN
                          CASE
                           WHEN (levels.x > 645) THEN
                           CASE
                            WHEN (levels.x > 644) THEN
                            CASE
                             WHEN (levels.x > 643) THEN
                             CASE
                              WHEN (levels.x > 642) THEN
                              CASE
                               WHEN (levels.x > 641) THEN
                               CASE
                                WHEN (levels.x > 640) THEN
                                CASE
                                 WHEN (levels.x > 639) THEN
                                 CASE
                                  WHEN (levels.x > 638) THEN
                                  CASE
                                   WHEN (levels.x > 637) THEN
                                   CASE
                                    WHEN (levels.x > 636) THEN
                                    CASE
                                     WHEN (levels.x > 635) THEN
                                     CASE
                                      WHEN (levels.x > 634) THEN
                                      CASE
                                       WHEN (levels.x > 633) THEN
                                       CASE
WHEN (levels.x > 632) THEN
CASE
 WHEN (levels.x > 631) THEN
 CASE
  WHEN (levels.x > 630) THEN
  CASE
   WHEN (levels.x > 629) THEN
   CASE
    WHEN (levels.x > 628) THEN
    CASE
     WHEN (levels.x > 627) THEN
     CASE
      WHEN (levels.x > 626) THEN
      CASE
       WHEN (levels.x > 625) THEN
       CASE
        WHEN (levels.x > 624) THEN
        CASE
         WHEN (levels.x > 623) THEN
         CASE
          WHEN (levels.x > 622) THEN
          CASE
           WHEN (levels.x > 621) THEN
           CASE
            WHEN (levels.x > 620) THEN
            CASE
             WHEN (levels.x > 619) THEN
             CASE
              WHEN (levels.x > 618) THEN
              CASE
               WHEN (levels.x > 617) THEN
               CASE
                WHEN (levels.x > 616) THEN
                CASE
                 WHEN (levels.x > 615) THEN
                 CASE
                  WHEN (levels.x > 614) THEN
                  CASE
                   WHEN (levels.x > 613) THEN
                   CASE
                    WHEN (levels.x > 612) THEN
                    CASE
                     WHEN (levels.x > 611) THEN
                     CASE
                      WHEN (levels.x > 610) THEN
                      CASE
                       WHEN (levels.x > 609) THEN
                       CASE
                        WHEN (levels.x > 608) THEN
                        CASE
                         WHEN (levels.x > 607) THEN
                         CASE
                          WHEN (levels.x > 606) THEN
                          CASE
                           WHEN (levels.x > 605) THEN
                           CASE
                            WHEN (levels.x > 604) THEN
                            CASE
                             WHEN (levels.x > 603) THEN
                             CASE
                              WHEN (levels.x > 602) THEN
                              CASE
                               WHEN (levels.x > 601) THEN
                               CASE
                                WHEN (levels.x > 600) THEN
                                CASE
                                 WHEN (levels.x > 599) THEN
                                 CASE
                                  WHEN (levels.x > 598) THEN
                                  CASE
                                   WHEN (levels.x > 597) THEN
                                   CASE
                                    WHEN (levels.x > 596) THEN
                                    CASE
                                     WHEN (levels.x > 595) THEN
                                     CASE
                                      WHEN (levels.x > 594) THEN
                                      CASE
                                       WHEN (levels.x > 593) THEN
                                       CASE
WHEN (levels.x > 592) THEN
CASE
 WHEN (levels.x > 591) THEN
 CASE
  WHEN (levels.x > 590) THEN
  CASE
   WHEN (levels.x > 589) THEN
   CASE
    WHEN (levels.x > 588) THEN
    CASE
     WHEN (levels.x > 587) THEN
     CASE
      WHEN (levels.x > 586) THEN
      CASE
       WHEN (levels.x > 585) THEN
       CASE
        WHEN (levels.x > 584) THEN
        CASE
         WHEN (levels.x > 583) THEN
         CASE
          WHEN (levels.x > 582) THEN
          CASE
           WHEN (levels.x > 581) THEN
           CASE
            WHEN (levels.x > 580) THEN
            CASE
             WHEN (levels.x > 579) THEN
             CASE
              WHEN (levels.x > 578) THEN
              CASE
               WHEN (levels.x > 577) THEN
               CASE
                WHEN (levels.x > 576) THEN
                CASE
                 WHEN (levels.x > 575) THEN
                 CASE
                  WHEN (levels.x > 574) THEN
                  CASE
                   WHEN (levels.x > 573) THEN
                   CASE
                    WHEN (levels.x > 572) THEN
                    CASE
                     WHEN (levels.x > 571) THEN
                     CASE
                      WHEN (levels.x > 570) THEN
                      CASE
                       WHEN (levels.x > 569) THEN
                       CASE
                        WHEN (levels.x > 568) THEN
                        CASE
                         WHEN (levels.x > 567) THEN
                         CASE
                          WHEN (levels.x > 566) THEN
                          CASE
                           WHEN (levels.x > 565) THEN
                           CASE
                            WHEN (levels.x > 564) THEN
                            CASE
                             WHEN (levels.x > 563) THEN
                             CASE
                              WHEN (levels.x > 562) THEN
                              CASE
                               WHEN (levels.x > 561) THEN
                               CASE
                                WHEN (levels.x > 560) THEN
                                CASE
                                 WHEN (levels.x > 559) THEN
                                 CASE
                                  WHEN (levels.x > 558) THEN
                                  CASE
                                   WHEN (levels.x > 557) THEN
                                   CASE
                                    WHEN (levels.x > 556) THEN
                                    CASE
                                     WHEN (levels.x > 555) THEN
                                     CASE
                                      WHEN (levels.x > 554) THEN
                                      CASE
                                       WHEN (levels.x > 553) THEN
                                       CASE
WHEN (levels.x > 552) THEN
CASE
 WHEN (levels.x > 551) THEN
 CASE
  WHEN (levels.x > 550) THEN
  CASE
   WHEN (levels.x > 549) THEN
   CASE
    WHEN (levels.x > 548) THEN
    CASE
     WHEN (levels.x > 547) THEN
     CASE
      WHEN (levels.x > 546) THEN
      CASE
       WHEN (levels.x > 545) THEN
       CASE
        WHEN (levels.x > 544) THEN
        CASE
         WHEN (levels.x > 543) THEN
         CASE
          WHEN (levels.x > 542) THEN
          CASE
           WHEN (levels.x > 541) THEN
           CASE
            WHEN (levels.x > 540) THEN
            CASE
             WHEN (levels.x > 539) THEN
             CASE
              WHEN (levels.x > 538) THEN
              CASE
               WHEN (levels.x > 537) THEN
               CASE
                WHEN (levels.x > 536) THEN
                CASE
                 WHEN (levels.x > 535) THEN
                 CASE
                  WHEN (levels.x > 534) THEN
                  CASE
                   WHEN (levels.x > 533) THEN
                   CASE
                    WHEN (levels.x > 532) THEN
                    CASE
                     WHEN (levels.x > 531) THEN
                     CASE
                      WHEN (levels.x > 530) THEN
                      CASE
                       WHEN (levels.x > 529) THEN
                       CASE
                        WHEN (levels.x > 528) THEN
                        CASE
                         WHEN (levels.x > 527) THEN
                         CASE
                          WHEN (levels.x > 526) THEN
                          CASE
                           WHEN (levels.x > 525) THEN
                           CASE
                            WHEN (levels.x > 524) THEN
                            CASE
                             WHEN (levels.x > 523) THEN
                             CASE
                              WHEN (levels.x > 522) THEN
                              CASE
                               WHEN (levels.x > 521) THEN
                               CASE
                                WHEN (levels.x > 520) THEN
                                CASE
                                 WHEN (levels.x > 519) THEN
                                 CASE
                                  WHEN (levels.x > 518) THEN
                                  CASE
                                   WHEN (levels.x > 517) THEN
                                   CASE
                                    WHEN (levels.x > 516) THEN
                                    CASE
                                     WHEN (levels.x > 515) THEN
                                     CASE
                                      WHEN (levels.x > 514) THEN
                                      CASE
                                       WHEN (levels.x > 513) THEN
                                       CASE
WHEN (levels.x > 512) THEN
CASE
 WHEN (levels.x > 511) THEN
 CASE
  WHEN (levels.x > 510) THEN
  CASE
   WHEN (levels.x > 509) THEN
   CASE
    WHEN (levels.x > 508) THEN
    CASE
     WHEN (levels.x > 507) THEN
     CASE
      WHEN (levels.x > 506) THEN
      CASE
       WHEN (levels.x > 505) THEN
       CASE
        WHEN (levels.x > 504) THEN
        CASE
         WHEN (levels.x > 503) THEN
         CASE
          WHEN (levels.x > 502) THEN
          CASE
           WHEN (levels.x > 501) THEN
           CASE
            WHEN (levels.x > 500) THEN
            CASE
             WHEN (levels.x > 499) THEN
             CASE
              WHEN (levels.x > 498) THEN
              CASE
               WHEN (levels.x > 497) THEN
               CASE
                WHEN (levels.x > 496) THEN
                CASE
                 WHEN (levels.x > 495) THEN
                 CASE
                  WHEN (levels.x > 494) THEN
                  CASE
                   WHEN (levels.x > 493) THEN
                   CASE
                    WHEN (levels.x > 492) THEN
                    CASE
                     WHEN (levels.x > 491) THEN
                     CASE
                      WHEN (levels.x > 490) THEN
                      CASE
                       WHEN (levels.x > 489) THEN
                       CASE
                        WHEN (levels.x > 488) THEN
                        CASE
                         WHEN (levels.x > 487) THEN
                         CASE
                          WHEN (levels.x > 486) THEN
                          CASE
                           WHEN (levels.x > 485) THEN
                           CASE
                            WHEN (levels.x > 484) THEN
                            CASE
                             WHEN (levels.x > 483) THEN
                             CASE
                              WHEN (levels.x > 482) THEN
                              CASE
                               WHEN (levels.x > 481) THEN
                               CASE
                                WHEN (levels.x > 480) THEN
                                CASE
                                 WHEN (levels.x > 479) THEN
                                 CASE
                                  WHEN (levels.x > 478) THEN
                                  CASE
                                   WHEN (levels.x > 477) THEN
                                   CASE
                                    WHEN (levels.x > 476) THEN
                                    CASE
                                     WHEN (levels.x > 475) THEN
                                     CASE
                                      WHEN (levels.x > 474) THEN
                                      CASE
                                       WHEN (levels.x > 473) THEN
                                       CASE
WHEN (levels.x > 472) THEN
CASE
 WHEN (levels.x > 471) THEN
 CASE
  WHEN (levels.x > 470) THEN
  CASE
   WHEN (levels.x > 469) THEN
   CASE
    WHEN (levels.x > 468) THEN
    CASE
     WHEN (levels.x > 467) THEN
     CASE
      WHEN (levels.x > 466) THEN
      CASE
       WHEN (levels.x > 465) THEN
       CASE
        WHEN (levels.x > 464) THEN
        CASE
         WHEN (levels.x > 463) THEN
         CASE
          WHEN (levels.x > 462) THEN
          CASE
           WHEN (levels.x > 461) THEN
           CASE
            WHEN (levels.x > 460) THEN
            CASE
             WHEN (levels.x > 459) THEN
             CASE
              WHEN (levels.x > 458) THEN
              CASE
               WHEN (levels.x > 457) THEN
               CASE
                WHEN (levels.x > 456) THEN
                CASE
                 WHEN (levels.x > 455) THEN
                 CASE
                  WHEN (levels.x > 454) THEN
                  CASE
                   WHEN (levels.x > 453) THEN
                   CASE
                    WHEN (levels.x > 452) THEN
                    CASE
                     WHEN (levels.x > 451) THEN
                     CASE
                      WHEN (levels.x > 450) THEN
                      CASE
                       WHEN (levels.x > 449) THEN
                       CASE
                        WHEN (levels.x > 448) THEN
                        CASE
                         WHEN (levels.x > 447) THEN
                         CASE
                          WHEN (levels.x > 446) THEN
                          CASE
                           WHEN (levels.x > 445) THEN
                           CASE
                            WHEN (levels.x > 444) THEN
                            CASE
                             WHEN (levels.x > 443) THEN
                             CASE
                              WHEN (levels.x > 442) THEN
                              CASE
                               WHEN (levels.x > 441) THEN
                               CASE
                                WHEN (levels.x > 440) THEN
                                CASE
                                 WHEN (levels.x > 439) THEN
                                 CASE
                                  WHEN (levels.x > 438) THEN
                                  CASE
                                   WHEN (levels.x > 437) THEN
                                   CASE
                                    WHEN (levels.x > 436) THEN
                                    CASE
                                     WHEN (levels.x > 435) THEN
                                     CASE
                                      WHEN (levels.x > 434) THEN
                                      CASE
                                       WHEN (levels.x > 433) THEN
                                       CASE
WHEN (levels.x > 432) THEN
CASE
 WHEN (levels.x > 431) THEN
 CASE
  WHEN (levels.x > 430) THEN
  CASE
   WHEN (levels.x > 429) THEN
   CASE
    WHEN (levels.x > 428) THEN
    CASE
     WHEN (levels.x > 427) THEN
     CASE
      WHEN (levels.x > 426) THEN
      CASE
       WHEN (levels.x > 425) THEN
       CASE
        WHEN (levels.x > 424) THEN
        CASE
         WHEN (levels.x > 423) THEN
         CASE
          WHEN (levels.x > 422) THEN
          CASE
           WHEN (levels.x > 421) THEN
           CASE
            WHEN (levels.x > 420) THEN
            CASE
             WHEN (levels.x > 419) THEN
             CASE
              WHEN (levels.x > 418) THEN
              CASE
               WHEN (levels.x > 417) THEN
               CASE
                WHEN (levels.x > 416) THEN
                CASE
                 WHEN (levels.x > 415) THEN
                 CASE
                  WHEN (levels.x > 414) THEN
                  CASE
                   WHEN (levels.x > 413) THEN
                   CASE
                    WHEN (levels.x > 412) THEN
                    CASE
                     WHEN (levels.x > 411) THEN
                     CASE
                      WHEN (levels.x > 410) THEN
                      CASE
                       WHEN (levels.x > 409) THEN
                       CASE
                        WHEN (levels.x > 408) THEN
                        CASE
                         WHEN (levels.x > 407) THEN
                         CASE
                          WHEN (levels.x > 406) THEN
                          CASE
                           WHEN (levels.x > 405) THEN
                           CASE
                            WHEN (levels.x > 404) THEN
                            CASE
                             WHEN (levels.x > 403) THEN
                             CASE
                              WHEN (levels.x > 402) THEN
                              CASE
                               WHEN (levels.x > 401) THEN
                               CASE
                                WHEN (levels.x > 400) THEN
                                CASE
                                 WHEN (levels.x > 399) THEN
                                 CASE
                                  WHEN (levels.x > 398) THEN
                                  CASE
                                   WHEN (levels.x > 397) THEN
                                   CASE
                                    WHEN (levels.x > 396) THEN
                                    CASE
                                     WHEN (levels.x > 395) THEN
                                     CASE
                                      WHEN (levels.x > 394) THEN
                                      CASE
                                       WHEN (levels.x > 393) THEN
                                       CASE
WHEN (levels.x > 392) THEN
CASE
 WHEN (levels.x > 391) THEN
 CASE
  WHEN (levels.x > 390) THEN
  CASE
   WHEN (levels.x > 389) THEN
   CASE
    WHEN (levels.x > 388) THEN
    CASE
     WHEN (levels.x > 387) THEN
     CASE
      WHEN (levels.x > 386) THEN
      CASE
       WHEN (levels.x > 385) THEN
       CASE
        WHEN (levels.x > 384) THEN
        CASE
         WHEN (levels.x > 383) THEN
         CASE
          WHEN (levels.x > 382) THEN
          CASE
           WHEN (levels.x > 381) THEN
           CASE
            WHEN (levels.x > 380) THEN
            CASE
             WHEN (levels.x > 379) THEN
             CASE
              WHEN (levels.x > 378) THEN
              CASE
               WHEN (levels.x > 377) THEN
               CASE
                WHEN (levels.x > 376) THEN
                CASE
                 WHEN (levels.x > 375) THEN
                 CASE
                  WHEN (levels.x > 374) THEN
                  CASE
                   WHEN (levels.x > 373) THEN
                   CASE
                    WHEN (levels.x > 372) THEN
                    CASE
                     WHEN (levels.x > 371) THEN
                     CASE
                      WHEN (levels.x > 370) THEN
                      CASE
                       WHEN (levels.x > 369) THEN
                       CASE
                        WHEN (levels.x > 368) THEN
                        CASE
                         WHEN (levels.x > 367) THEN
                         CASE
                          WHEN (levels.x > 366) THEN
                          CASE
                           WHEN (levels.x > 365) THEN
                           CASE
                            WHEN (levels.x > 364) THEN
                            CASE
                             WHEN (levels.x > 363) THEN
                             CASE
                              WHEN (levels.x > 362) THEN
                              CASE
                               WHEN (levels.x > 361) THEN
                               CASE
                                WHEN (levels.x > 360) THEN
                                CASE
                                 WHEN (levels.x > 359) THEN
                                 CASE
                                  WHEN (levels.x > 358) THEN
                                  CASE
                                   WHEN (levels.x > 357) THEN
                                   CASE
                                    WHEN (levels.x > 356) THEN
                                    CASE
                                     WHEN (levels.x > 355) THEN
                                     CASE
                                      WHEN (levels.x > 354) THEN
                                      CASE
                                       WHEN (levels.x > 353) THEN
                                       CASE
WHEN (levels.x > 352) THEN
CASE
 WHEN (levels.x > 351) THEN
 CASE
  WHEN (levels.x > 350) THEN
  CASE
   WHEN (levels.x > 349) THEN
   CASE
    WHEN (levels.x > 348) THEN
    CASE
     WHEN (levels.x > 347) THEN
     CASE
      WHEN (levels.x > 346) THEN
      CASE
       WHEN (levels.x > 345) THEN
       CASE
        WHEN (levels.x > 344) THEN
        CASE
         WHEN (levels.x > 343) THEN
         CASE
          WHEN (levels.x > 342) THEN
          CASE
           WHEN (levels.x > 341) THEN
           CASE
            WHEN (levels.x > 340) THEN
            CASE
             WHEN (levels.x > 339) THEN
             CASE
              WHEN (levels.x > 338) THEN
              CASE
               WHEN (levels.x > 337) THEN
               CASE
                WHEN (levels.x > 336) THEN
                CASE
                 WHEN (levels.x > 335) THEN
                 CASE
                  WHEN (levels.x > 334) THEN
                  CASE
                   WHEN (levels.x > 333) THEN
                   CASE
                    WHEN (levels.x > 332) THEN
                    CASE
                     WHEN (levels.x > 331) THEN
                     CASE
                      WHEN (levels.x > 330) THEN
                      CASE
                       WHEN (levels.x > 329) THEN
                       CASE
                        WHEN (levels.x > 328) THEN
                        CASE
                         WHEN (levels.x > 327) THEN
                         CASE
                          WHEN (levels.x > 326) THEN
                          CASE
                           WHEN (levels.x > 325) THEN
                           CASE
                            WHEN (levels.x > 324) THEN
                            CASE
                             WHEN (levels.x > 323) THEN
                             CASE
                              WHEN (levels.x > 322) THEN
                              CASE
                               WHEN (levels.x > 321) THEN
                               CASE
                                WHEN (levels.x > 320) THEN
                                CASE
                                 WHEN (levels.x > 319) THEN
                                 CASE
                                  WHEN (levels.x > 318) THEN
                                  CASE
                                   WHEN (levels.x > 317) THEN
                                   CASE
                                    WHEN (levels.x > 316) THEN
                                    CASE
                                     WHEN (levels.x > 315) THEN
                                     CASE
                                      WHEN (levels.x > 314) THEN
                                      CASE
                                       WHEN (levels.x > 313) THEN
                                       CASE
WHEN (levels.x > 312) THEN
CASE
 WHEN (levels.x > 311) THEN
 CASE
  WHEN (levels.x > 310) THEN
  CASE
   WHEN (levels.x > 309) THEN
   CASE
    WHEN (levels.x > 308) THEN
    CASE
     WHEN (levels.x > 307) THEN
     CASE
      WHEN (levels.x > 306) THEN
      CASE
       WHEN (levels.x > 305) THEN
       CASE
        WHEN (levels.x > 304) THEN
        CASE
         WHEN (levels.x > 303) THEN
         CASE
          WHEN (levels.x > 302) THEN
          CASE
           WHEN (levels.x > 301) THEN
           CASE
            WHEN (levels.x > 300) THEN
            CASE
             WHEN (levels.x > 299) THEN
             CASE
              WHEN (levels.x > 298) THEN
              CASE
               WHEN (levels.x > 297) THEN
               CASE
                WHEN (levels.x > 296) THEN
                CASE
                 WHEN (levels.x > 295) THEN
                 CASE
                  WHEN (levels.x > 294) THEN
                  CASE
                   WHEN (levels.x > 293) THEN
                   CASE
                    WHEN (levels.x > 292) THEN
                    CASE
                     WHEN (levels.x > 291) THEN
                     CASE
                      WHEN (levels.x > 290) THEN
                      CASE
                       WHEN (levels.x > 289) THEN
                       CASE
                        WHEN (levels.x > 288) THEN
                        CASE
                         WHEN (levels.x > 287) THEN
                         CASE
                          WHEN (levels.x > 286) THEN
                          CASE
                           WHEN (levels.x > 285) THEN
                           CASE
                            WHEN (levels.x > 284) THEN
                            CASE
                             WHEN (levels.x > 283) THEN
                             CASE
                              WHEN (levels.x > 282) THEN
                              CASE
                               WHEN (levels.x > 281) THEN
                               CASE
                                WHEN (levels.x > 280) THEN
                                CASE
                                 WHEN (levels.x > 279) THEN
                                 CASE
                                  WHEN (levels.x > 278) THEN
                                  CASE
                                   WHEN (levels.x > 277) THEN
                                   CASE
                                    WHEN (levels.x > 276) THEN
                                    CASE
                                     WHEN (levels.x > 275) THEN
                                     CASE
                                      WHEN (levels.x > 274) THEN
                                      CASE
                                       WHEN (levels.x > 273) THEN
                                       CASE
WHEN (levels.x > 272) THEN
CASE
 WHEN (levels.x > 271) THEN
 CASE
  WHEN (levels.x > 270) THEN
  CASE
   WHEN (levels.x > 269) THEN
   CASE
    WHEN (levels.x > 268) THEN
    CASE
     WHEN (levels.x > 267) THEN
     CASE
      WHEN (levels.x > 266) THEN
      CASE
       WHEN (levels.x > 265) THEN
       CASE
        WHEN (levels.x > 264) THEN
        CASE
         WHEN (levels.x > 263) THEN
         CASE
          WHEN (levels.x > 262) THEN
          CASE
           WHEN (levels.x > 261) THEN
           CASE
            WHEN (levels.x > 260) THEN
            CASE
             WHEN (levels.x > 259) THEN
             CASE
              WHEN (levels.x > 258) THEN
              CASE
               WHEN (levels.x > 257) THEN
               CASE
                WHEN (levels.x > 256) THEN
                CASE
                 WHEN (levels.x > 255) THEN
                 CASE
                  WHEN (levels.x > 254) THEN
                  CASE
                   WHEN (levels.x > 253) THEN
                   CASE
                    WHEN (levels.x > 252) THEN
                    CASE
                     WHEN (levels.x > 251) THEN
                     CASE
                      WHEN (levels.x > 250) THEN
                      CASE
                       WHEN (levels.x > 249) THEN
                       CASE
                        WHEN (levels.x > 248) THEN
                        CASE
                         WHEN (levels.x > 247) THEN
                         CASE
                          WHEN (levels.x > 246) THEN
                          CASE
                           WHEN (levels.x > 245) THEN
                           CASE
                            WHEN (levels.x > 244) THEN
                            CASE
                             WHEN (levels.x > 243) THEN
                             CASE
                              WHEN (levels.x > 242) THEN
                              CASE
                               WHEN (levels.x > 241) THEN
                               CASE
                                WHEN (levels.x > 240) THEN
                                CASE
                                 WHEN (levels.x > 239) THEN
                                 CASE
                                  WHEN (levels.x > 238) THEN
                                  CASE
                                   WHEN (levels.x > 237) THEN
                                   CASE
                                    WHEN (levels.x > 236) THEN
                                    CASE
                                     WHEN (levels.x > 235) THEN
                                     CASE
                                      WHEN (levels.x > 234) THEN
                                      CASE
                                       WHEN (levels.x > 233) THEN
                                       CASE
WHEN (levels.x > 232) THEN
CASE
 WHEN (levels.x > 231) THEN
 CASE
  WHEN (levels.x > 230) THEN
  CASE
   WHEN (levels.x > 229) THEN
   CASE
    WHEN (levels.x > 228) THEN
    CASE
     WHEN (levels.x > 227) THEN
     CASE
      WHEN (levels.x > 226) THEN
      CASE
       WHEN (levels.x > 225) THEN
       CASE
        WHEN (levels.x > 224) THEN
        CASE
         WHEN (levels.x > 223) THEN
         CASE
          WHEN (levels.x > 222) THEN
          CASE
           WHEN (levels.x > 221) THEN
           CASE
            WHEN (levels.x > 220) THEN
            CASE
             WHEN (levels.x > 219) THEN
             CASE
              WHEN (levels.x > 218) THEN
              CASE
               WHEN (levels.x > 217) THEN
               CASE
                WHEN (levels.x > 216) THEN
                CASE
                 WHEN (levels.x > 215) THEN
                 CASE
                  WHEN (levels.x > 214) THEN
                  CASE
                   WHEN (levels.x > 213) THEN
                   CASE
                    WHEN (levels.x > 212) THEN
                    CASE
                     WHEN (levels.x > 211) THEN
                     CASE
                      WHEN (levels.x > 210) THEN
                      CASE
                       WHEN (levels.x > 209) THEN
                       CASE
                        WHEN (levels.x > 208) THEN
                        CASE
                         WHEN (levels.x > 207) THEN
                         CASE
                          WHEN (levels.x > 206) THEN
                          CASE
                           WHEN (levels.x > 205) THEN
                           CASE
                            WHEN (levels.x > 204) THEN
                            CASE
                             WHEN (levels.x > 203) THEN
                             CASE
                              WHEN (levels.x > 202) THEN
                              CASE
                               WHEN (levels.x > 201) THEN
                               CASE
                                WHEN (levels.x > 200) THEN
                                CASE
                                 WHEN (levels.x > 199) THEN
                                 CASE
                                  WHEN (levels.x > 198) THEN
                                  CASE
                                   WHEN (levels.x > 197) THEN
                                   CASE
                                    WHEN (levels.x > 196) THEN
                                    CASE
                                     WHEN (levels.x > 195) THEN
                                     CASE
                                      WHEN (levels.x > 194) THEN
                                      CASE
                                       WHEN (levels.x > 193) THEN
                                       CASE
WHEN (levels.x > 192) THEN
CASE
 WHEN (levels.x > 191) THEN
 CASE
  WHEN (levels.x > 190) THEN
  CASE
   WHEN (levels.x > 189) THEN
   CASE
    WHEN (levels.x > 188) THEN
    CASE
     WHEN (levels.x > 187) THEN
     CASE
      WHEN (levels.x > 186) THEN
      CASE
       WHEN (levels.x > 185) THEN
       CASE
        WHEN (levels.x > 184) THEN
        CASE
         WHEN (levels.x > 183) THEN
         CASE
          WHEN (levels.x > 182) THEN
          CASE
           WHEN (levels.x > 181) THEN
           CASE
            WHEN (levels.x > 180) THEN
            CASE
             WHEN (levels.x > 179) THEN
             CASE
              WHEN (levels.x > 178) THEN
              CASE
               WHEN (levels.x > 177) THEN
               CASE
                WHEN (levels.x > 176) THEN
                CASE
                 WHEN (levels.x > 175) THEN
                 CASE
                  WHEN (levels.x > 174) THEN
                  CASE
                   WHEN (levels.x > 173) THEN
                   CASE
                    WHEN (levels.x > 172) THEN
                    CASE
                     WHEN (levels.x > 171) THEN
                     CASE
                      WHEN (levels.x > 170) THEN
                      CASE
                       WHEN (levels.x > 169) THEN
                       CASE
                        WHEN (levels.x > 168) THEN
                        CASE
                         WHEN (levels.x > 167) THEN
                         CASE
                          WHEN (levels.x > 166) THEN
                          CASE
                           WHEN (levels.x > 165) THEN
                           CASE
                            WHEN (levels.x > 164) THEN
                            CASE
                             WHEN (levels.x > 163) THEN
                             CASE
                              WHEN (levels.x > 162) THEN
                              CASE
                               WHEN (levels.x > 161) THEN
                               CASE
                                WHEN (levels.x > 160) THEN
                                CASE
                                 WHEN (levels.x > 159) THEN
                                 CASE
                                  WHEN (levels.x > 158) THEN
                                  CASE
                                   WHEN (levels.x > 157) THEN
                                   CASE
                                    WHEN (levels.x > 156) THEN
                                    CASE
                                     WHEN (levels.x > 155) THEN
                                     CASE
                                      WHEN (levels.x > 154) THEN
                                      CASE
                                       WHEN (levels.x > 153) THEN
                                       CASE
WHEN (levels.x > 152) THEN
CASE
 WHEN (levels.x > 151) THEN
 CASE
  WHEN (levels.x > 150) THEN
  CASE
   WHEN (levels.x > 149) THEN
   CASE
    WHEN (levels.x > 148) THEN
    CASE
     WHEN (levels.x > 147) THEN
     CASE
      WHEN (levels.x > 146) THEN
      CASE
       WHEN (levels.x > 145) THEN
       CASE
        WHEN (levels.x > 144) THEN
        CASE
         WHEN (levels.x > 143) THEN
         CASE
          WHEN (levels.x > 142) THEN
          CASE
           WHEN (levels.x > 141) THEN
           CASE
            WHEN (levels.x > 140) THEN
            CASE
             WHEN (levels.x > 139) THEN
             CASE
              WHEN (levels.x > 138) THEN
              CASE
               WHEN (levels.x > 137) THEN
               CASE
                WHEN (levels.x > 136) THEN
                CASE
                 WHEN (levels.x > 135) THEN
                 CASE
                  WHEN (levels.x > 134) THEN
                  CASE
                   WHEN (levels.x > 133) THEN
                   CASE
                    WHEN (levels.x > 132) THEN
                    CASE
                     WHEN (levels.x > 131) THEN
                     CASE
                      WHEN (levels.x > 130) THEN
                      CASE
                       WHEN (levels.x > 129) THEN
                       CASE
                        WHEN (levels.x > 128) THEN
                        CASE
                         WHEN (levels.x > 127) THEN
                         CASE
                          WHEN (levels.x > 126) THEN
                          CASE
                           WHEN (levels.x > 125) THEN
                           CASE
                            WHEN (levels.x > 124) THEN
                            CASE
                             WHEN (levels.x > 123) THEN
                             CASE
                              WHEN (levels.x > 122) THEN
                              CASE
                               WHEN (levels.x > 121) THEN
                               CASE
                                WHEN (levels.x > 120) THEN
                                CASE
                                 WHEN (levels.x > 119) THEN
                                 CASE
                                  WHEN (levels.x > 118) THEN
                                  CASE
                                   WHEN (levels.x > 117) THEN
                                   CASE
                                    WHEN (levels.x > 116) THEN
                                    CASE
                                     WHEN (levels.x > 115) THEN
                                     CASE
                                      WHEN (levels.x > 114) THEN
                                      CASE
                                       WHEN (levels.x > 113) THEN
                                       CASE
WHEN (levels.x > 112) THEN
CASE
 WHEN (levels.x > 111) THEN
 CASE
  WHEN (levels.x > 110) THEN
  CASE
   WHEN (levels.x > 109) THEN
   CASE
    WHEN (levels.x > 108) THEN
    CASE
     WHEN (levels.x > 107) THEN
     CASE
      WHEN (levels.x > 106) THEN
      CASE
       WHEN (levels.x > 105) THEN
       CASE
        WHEN (levels.x > 104) THEN
        CASE
         WHEN (levels.x > 103) THEN
         CASE
          WHEN (levels.x > 102) THEN
          CASE
           WHEN (levels.x > 101) THEN
           CASE
            WHEN (levels.x > 100) THEN
            CASE
             WHEN (levels.x > 99) THEN
             CASE
              WHEN (levels.x > 98) THEN
              CASE
               WHEN (levels.x > 97) THEN
               CASE
                WHEN (levels.x > 96) THEN
                CASE
                 WHEN (levels.x > 95) THEN
                 CASE
                  WHEN (levels.x > 94) THEN
                  CASE
                   WHEN (levels.x > 93) THEN
                   CASE
                    WHEN (levels.x > 92) THEN
                    CASE
                     WHEN (levels.x > 91) THEN
                     CASE
                      WHEN (levels.x > 90) THEN
                      CASE
                       WHEN (levels.x > 89) THEN
                       CASE
                        WHEN (levels.x > 88) THEN
                        CASE
                         WHEN (levels.x > 87) THEN
                         CASE
                          WHEN (levels.x > 86) THEN
                          CASE
                           WHEN (levels.x > 85) THEN
                           CASE
                            WHEN (levels.x > 84) THEN
                            CASE
                             WHEN (levels.x > 83) THEN
                             CASE
                              WHEN (levels.x > 82) THEN
                              CASE
                               WHEN (levels.x > 81) THEN
                               CASE
                                WHEN (levels.x > 80) THEN
                                CASE
                                 WHEN (levels.x > 79) THEN
                                 CASE
                                  WHEN (levels.x > 78) THEN
                                  CASE
                                   WHEN (levels.x > 77) THEN
                                   CASE
                                    WHEN (levels.x > 76) THEN
                                    CASE
                                     WHEN (levels.x > 75) THEN
                                     CASE
                                      WHEN (levels.x > 74) THEN
                                      CASE
                                       WHEN (levels.x > 73) THEN
                                       CASE
WHEN (levels.x > 72) THEN
CASE
 WHEN (levels.x > 71) THEN
 CASE
  WHEN (levels.x > 70) THEN
  CASE
   WHEN (levels.x > 69) THEN
   CASE
    WHEN (levels.x > 68) THEN
    CASE
     WHEN (levels.x > 67) THEN
     CASE
      WHEN (levels.x > 66) THEN
      CASE
       WHEN (levels.x > 65) THEN
       CASE
        WHEN (levels.x > 64) THEN
        CASE
         WHEN (levels.x > 63) THEN
         CASE
          WHEN (levels.x > 62) THEN
          CASE
           WHEN (levels.x > 61) THEN
           CASE
            WHEN (levels.x > 60) THEN
            CASE
             WHEN (levels.x > 59) THEN
             CASE
              WHEN (levels.x > 58) THEN
              CASE
               WHEN (levels.x > 57) THEN
               CASE
                WHEN (levels.x > 56) THEN
                CASE
                 WHEN (levels.x > 55) THEN
                 CASE
                  WHEN (levels.x > 54) THEN
                  CASE
                   WHEN (levels.x > 53) THEN
                   CASE
                    WHEN (levels.x > 52) THEN
                    CASE
                     WHEN (levels.x > 51) THEN
                     CASE
                      WHEN (levels.x > 50) THEN
                      CASE
                       WHEN (levels.x > 49) THEN
                       CASE
                        WHEN (levels.x > 48) THEN
                        CASE
                         WHEN (levels.x > 47) THEN
                         CASE
                          WHEN (levels.x > 46) THEN
                          CASE
                           WHEN (levels.x > 45) THEN
                           CASE
                            WHEN (levels.x > 44) THEN
                            CASE
                             WHEN (levels.x > 43) THEN
                             CASE
                              WHEN (levels.x > 42) THEN
                              CASE
                               WHEN (levels.x > 41) THEN
                               CASE
                                WHEN (levels.x > 40) THEN
                                CASE
                                 WHEN (levels.x > 39) THEN
                                 CASE
                                  WHEN (levels.x > 38) THEN
                                  CASE
                                   WHEN (levels.x > 37) THEN
                                   CASE
                                    WHEN (levels.x > 36) THEN
                                    CASE
                                     WHEN (levels.x > 35) THEN
                                     CASE
                                      WHEN (levels.x > 34) THEN
                                      CASE
                                       WHEN (levels.x > 33) THEN
                                       CASE
WHEN (levels.x > 32) THEN
CASE
 WHEN (levels.x > 31) THEN
 CASE
  WHEN (levels.x > 30) THEN
  CASE
   WHEN (levels.x > 29) THEN
   CASE
    WHEN (levels.x > 28) THEN
    CASE
     WHEN (levels.x > 27) THEN
     CASE
      WHEN (levels.x > 26) THEN
      CASE
       WHEN (levels.x > 25) THEN
       CASE
        WHEN (levels.x > 24) THEN
        CASE
         WHEN (levels.x > 23) THEN
         CASE
          WHEN (levels.x > 22) THEN
          CASE
           WHEN (levels.x > 21) THEN
           CASE
            WHEN (levels.x > 20) THEN
            CASE
             WHEN (levels.x > 19) THEN
             CASE
              WHEN (levels.x > 18) THEN
              CASE
               WHEN (levels.x > 17) THEN
               CASE
                WHEN (levels.x > 16) THEN
                CASE
                 WHEN (levels.x > 15) THEN
                 CASE
                  WHEN (levels.x > 14) THEN
                  CASE
                   WHEN (levels.x > 13) THEN
                   CASE
                    WHEN (levels.x > 12) THEN
                    CASE
                     WHEN (levels.x > 11) THEN
                     CASE
                      WHEN (levels.x > 10) THEN
                      CASE
                       WHEN (levels.x > 9) THEN
                       CASE
                        WHEN (levels.x > 8) THEN
                        CASE
                         WHEN (levels.x > 7) THEN
                         CASE
                          WHEN (levels.x > 6) THEN
                          CASE
                           WHEN (levels.x > 5) THEN
                           CASE
                            WHEN (levels.x > 4) THEN
                            CASE
                             WHEN (levels.x > 3) THEN
                             CASE
                              WHEN (levels.x > 2) THEN
                              CASE
                               WHEN (levels.x > 1) THEN
                               CASE
                                WHEN (levels.x > 0) THEN levels.x
                                ELSE 0
                               END
                               ELSE 1
                              END
                              ELSE 2
                             END
                             ELSE 3
                            END
                            ELSE 4
                           END
                           ELSE 5
                          END
                          ELSE 6
                         END
                         ELSE 7
                        END
                        ELSE 8
                       END
                       ELSE 9
                      END
                      ELSE 10
                     END
                     ELSE 11
                    END
                    ELSE 12
                   END
                   ELSE 13
                  END
                  ELSE 14
                 END
                 ELSE 15
                END
                ELSE 16
               END
               ELSE 17
              END
              ELSE 18
             END
             ELSE 19
            END
            ELSE 20
           END
           ELSE 21
          END
          ELSE 22
         END
         ELSE 23
        END
        ELSE 24
       END
       ELSE 25
      END
      ELSE 26
     END
     ELSE 27
    END
    ELSE 28
   END
   ELSE 29
  END
  ELSE 30
 END
 ELSE 31
END
ELSE 32
                                       END
                                       ELSE 33
                                      END
                                      ELSE 34
                                     END
                                     ELSE 35
                                    END
                                    ELSE 36
                                   END
                                   ELSE 37
                                  END
                                  ELSE 38
                                 END
                                 ELSE 39
                                END
                                ELSE 40
                               END
                               ELSE 41
                              END
                              ELSE 42
                             END
                             ELSE 43
                            END
                            ELSE 44
                           END
                           ELSE 45
                          END
                          ELSE 46
                         END
                         ELSE 47
                        END
                        ELSE 48
                       END
                       ELSE 49
                      END
                      ELSE 50
                     END
                     ELSE 51
                    END
                    ELSE 52
                   END
                   ELSE 53
                  END
                  ELSE 54
                 END
                 ELSE 55
                END
                ELSE 56
               END
               ELSE 57
              END
              ELSE 58
             END
             ELSE 59
            END
            ELSE 60
           END
           ELSE 61
          END
          ELSE 62
         END
         ELSE 63
        END
        ELSE 64
       END
       ELSE 65
      END
      ELSE 66
     END
     ELSE 67
    END
    ELSE 68
   END
   ELSE 69
  END
  ELSE 70
 END
 ELSE 71
END
ELSE 72
                                       END
                                       ELSE 73
                                      END
                                      ELSE 74
                                     END
                                     ELSE 75
                                    END
                                    ELSE 76
                                   END
                                   ELSE 77
                                  END
                                  ELSE 78
                                 END
                                 ELSE 79
                                END
                                ELSE 80
                               END
                               ELSE 81
                              END
                              ELSE 82
                             END
                             ELSE 83
                            END
                            ELSE 84
                           END
                           ELSE 85
                          END
                          ELSE 86
                         END
                         ELSE 87
                        END
                        ELSE 88
                       END
                       ELSE 89
                      END
                      ELSE 90
                     END
                     ELSE 91
                    END
                    ELSE 92
                   END
                   ELSE 93
                  END
                  ELSE 94
                 END
                 ELSE 95
                END
                ELSE 96
               END
               ELSE 97
              END
              ELSE 98
             END
             ELSE 99
            END
            ELSE 100
           END
           ELSE 101
          END
          ELSE 102
         END
         ELSE 103
        END
        ELSE 104
       END
       ELSE 105
      END
      ELSE 106
     END
     ELSE 107
    END
    ELSE 108
   END
   ELSE 109
  END
  ELSE 110
 END
 ELSE 111
END
ELSE 112
                                       END
                                       ELSE 113
                                      END
                                      ELSE 114
                                     END
                                     ELSE 115
                                    END
                                    ELSE 116
                                   END
                                   ELSE 117
                                  END
                                  ELSE 118
                                 END
                                 ELSE 119
                                END
                                ELSE 120
                               END
                               ELSE 121
                              END
                              ELSE 122
                             END
                             ELSE 123
                            END
                            ELSE 124
                           END
                           ELSE 125
                          END
                          ELSE 126
                         END
                         ELSE 127
                        END
                        ELSE 128
                       END
                       ELSE 129
                      END
                      ELSE 130
                     END
                     ELSE 131
                    END
                    ELSE 132
                   END
                   ELSE 133
                  END
                  ELSE 134
                 END
                 ELSE 135
                END
                ELSE 136
               END
               ELSE 137
              END
              ELSE 138
             END
             ELSE 139
            END
            ELSE 140
           END
           ELSE 141
          END
          ELSE 142
         END
         ELSE 143
        END
        ELSE 144
       END
       ELSE 145
      END
      ELSE 146
     END
     ELSE 147
    END
    ELSE 148
   END
   ELSE 149
  END
  ELSE 150
 END
 ELSE 151
END
ELSE 152
                                       END
                                       ELSE 153
                                      END
                                      ELSE 154
                                     END
                                     ELSE 155
                                    END
                                    ELSE 156
                                   END
                                   ELSE 157
                                  END
                                  ELSE 158
                                 END
                                 ELSE 159
                                END
                                ELSE 160
                               END
                               ELSE 161
                              END
                              ELSE 162
                             END
                             ELSE 163
                            END
                            ELSE 164
                           END
                           ELSE 165
                          END
                          ELSE 166
                         END
                         ELSE 167
                        END
                        ELSE 168
                       END
                       ELSE 169
                      END
                      ELSE 170
                     END
                     ELSE 171
                    END
                    ELSE 172
                   END
                   ELSE 173
                  END
                  ELSE 174
                 END
                 ELSE 175
                END
                ELSE 176
               END
               ELSE 177
              END
              ELSE 178
             END
             ELSE 179
            END
            ELSE 180
           END
           ELSE 181
          END
          ELSE 182
         END
         ELSE 183
        END
        ELSE 184
       END
       ELSE 185
      END
      ELSE 186
     END
     ELSE 187
    END
    ELSE 188
   END
   ELSE 189
  END
  ELSE 190
 END
 ELSE 191
END
ELSE 192
                                       END
                                       ELSE 193
                                      END
                                      ELSE 194
                                     END
                                     ELSE 195
                                    END
                                    ELSE 196
                                   END
                                   ELSE 197
                                  END
                                  ELSE 198
                                 END
                                 ELSE 199
                                END
                                ELSE 200
                               END
                               ELSE 201
                              END
                              ELSE 202
                             END
                             ELSE 203
                            END
                            ELSE 204
                           END
                           ELSE 205
                          END
                          ELSE 206
                         END
                         ELSE 207
                        END
                        ELSE 208
                       END
                       ELSE 209
                      END
                      ELSE 210
                     END
                     ELSE 211
                    END
                    ELSE 212
                   END
                   ELSE 213
                  END
                  ELSE 214
                 END
                 ELSE 215
                END
                ELSE 216
               END
               ELSE 217
              END
              ELSE 218
             END
             ELSE 219
            END
            ELSE 220
           END
           ELSE 221
          END
          ELSE 222
         END
         ELSE 223
        END
        ELSE 224
       END
       ELSE 225
      END
      ELSE 226
     END
     ELSE 227
    END
    ELSE 228
   END
   ELSE 229
  END
  ELSE 230
 END
 ELSE 231
END
ELSE 232
                                       END
                                       ELSE 233
                                      END
                                      ELSE 234
                                     END
                                     ELSE 235
                                    END
                                    ELSE 236
                                   END
                                   ELSE 237
                                  END
                                  ELSE 238
                                 END
                                 ELSE 239
                                END
                                ELSE 240
                               END
                               ELSE 241
                              END
                              ELSE 242
                             END
                             ELSE 243
                            END
                            ELSE 244
                           END
                           ELSE 245
                          END
                          ELSE 246
                         END
                         ELSE 247
                        END
                        ELSE 248
                       END
                       ELSE 249
                      END
                      ELSE 250
                     END
                     ELSE 251
                    END
                    ELSE 252
                   END
                   ELSE 253
                  END
                  ELSE 254
                 END
                 ELSE 255
                END
                ELSE 256
               END
               ELSE 257
              END
              ELSE 258
             END
             ELSE 259
            END
            ELSE 260
           END
           ELSE 261
          END
          ELSE 262
         END
         ELSE 263
        END
        ELSE 264
       END
       ELSE 265
      END
      ELSE 266
     END
     ELSE 267
    END
    ELSE 268
   END
   ELSE 269
  END
  ELSE 270
 END
 ELSE 271
END
ELSE 272
                                       END
                                       ELSE 273
                                      END
                                      ELSE 274
                                     END
                                     ELSE 275
                                    END
                                    ELSE 276
                                   END
                                   ELSE 277
                                  END
                                  ELSE 278
                                 END
                                 ELSE 279
                                END
                                ELSE 280
                               END
                               ELSE 281
                              END
                              ELSE 282
                             END
                             ELSE 283
                            END
                            ELSE 284
                           END
                           ELSE 285
                          END
                          ELSE 286
                         END
                         ELSE 287
                        END
                        ELSE 288
                       END
                       ELSE 289
                      END
                      ELSE 290
                     END
                     ELSE 291
                    END
                    ELSE 292
                   END
                   ELSE 293
                  END
                  ELSE 294
                 END
                 ELSE 295
                END
                ELSE 296
               END
               ELSE 297
              END
              ELSE 298
             END
             ELSE 299
            END
            ELSE 300
           END
           ELSE 301
          END
          ELSE 302
         END
         ELSE 303
        END
        ELSE 304
       END
       ELSE 305
      END
      ELSE 306
     END
     ELSE 307
    END
    ELSE 308
   END
   ELSE 309
  END
  ELSE 310
 END
 ELSE 311
END
ELSE 312
                                       END
                                       ELSE 313
                                      END
                                      ELSE 314
                                     END
                                     ELSE 315
                                    END
                                    ELSE 316
                                   END
                                   ELSE 317
                                  END
                                  ELSE 318
                                 END
                                 ELSE 319
                                END
                                ELSE 320
                               END
                               ELSE 321
                              END
                              ELSE 322
                             END
                             ELSE 323
                            END
                            ELSE 324
                           END
                           ELSE 325
                          END
                          ELSE 326
                         END
                         ELSE 327
                        END
                        ELSE 328
                       END
                       ELSE 329
                      END
                      ELSE 330
                     END
                     ELSE 331
                    END
                    ELSE 332
                   END
                   ELSE 333
                  END
                  ELSE 334
                 END
                 ELSE 335
                END
                ELSE 336
               END
               ELSE 337
              END
              ELSE 338
             END
             ELSE 339
            END
            ELSE 340
           END
           ELSE 341
          END
          ELSE 342
         END
         ELSE 343
        END
        ELSE 344
       END
       ELSE 345
      END
      ELSE 346
     END
     ELSE 347
    END
    ELSE 348
   END
   ELSE 349
  END
  ELSE 350
 END
 ELSE 351
END
ELSE 352
                                       END
                                       ELSE 353
                                      END
                                      ELSE 354
                                     END
                                     ELSE 355
                                    END
                                    ELSE 356
                                   END
                                   ELSE 357
                                  END
                                  ELSE 358
                                 END
                                 ELSE 359
                                END
                                ELSE 360
                               END
                               ELSE 361
                              END
                              ELSE 362
                             END
                             ELSE 363
                            END
                            ELSE 364
                           END
                           ELSE 365
                          END
                          ELSE 366
                         END
                         ELSE 367
                        END
                        ELSE 368
                       END
                       ELSE 369
                      END
                      ELSE 370
                     END
                     ELSE 371
                    END
                    ELSE 372
                   END
                   ELSE 373
                  END
                  ELSE 374
                 END
                 ELSE 375
                END
                ELSE 376
               END
               ELSE 377
              END
              ELSE 378
             END
             ELSE 379
            END
            ELSE 380
           END
           ELSE 381
          END
          ELSE 382
         END
         ELSE 383
        END
        ELSE 384
       END
       ELSE 385
      END
      ELSE 386
     END
     ELSE 387
    END
    ELSE 388
   END
   ELSE 389
  END
  ELSE 390
 END
 ELSE 391
END
ELSE 392
                                       END
                                       ELSE 393
                                      END
                                      ELSE 394
                                     END
                                     ELSE 395
                                    END
                                    ELSE 396
                                   END
                                   ELSE 397
                                  END
                                  ELSE 398
                                 END
                                 ELSE 399
                                END
                                ELSE 400
                               END
                               ELSE 401
                              END
                              ELSE 402
                             END
                             ELSE 403
                            END
                            ELSE 404
                           END
                           ELSE 405
                          END
                          ELSE 406
                         END
                         ELSE 407
                        END
                        ELSE 408
                       END
                       ELSE 409
                      END
                      ELSE 410
                     END
                     ELSE 411
                    END
                    ELSE 412
                   END
                   ELSE 413
                  END
                  ELSE 414
                 END
                 ELSE 415
                END
                ELSE 416
               END
               ELSE 417
              END
              ELSE 418
             END
             ELSE 419
            END
            ELSE 420
           END
           ELSE 421
          END
          ELSE 422
         END
         ELSE 423
        END
        ELSE 424
       END
       ELSE 425
      END
      ELSE 426
     END
     ELSE 427
    END
    ELSE 428
   END
   ELSE 429
  END
  ELSE 430
 END
 ELSE 431
END
ELSE 432
                                       END
                                       ELSE 433
                                      END
                                      ELSE 434
                                     END
                                     ELSE 435
                                    END
                                    ELSE 436
                                   END
                                   ELSE 437
                                  END
                                  ELSE 438
                                 END
                                 ELSE 439
                                END
                                ELSE 440
                               END
                               ELSE 441
                              END
                              ELSE 442
                             END
                             ELSE 443
                            END
                            ELSE 444
                           END
                           ELSE 445
                          END
                          ELSE 446
                         END
                         ELSE 447
                        END
                        ELSE 448
                       END
                       ELSE 449
                      END
                      ELSE 450
                     END
                     ELSE 451
                    END
                    ELSE 452
                   END
                   ELSE 453
                  END
                  ELSE 454
                 END
                 ELSE 455
                END
                ELSE 456
               END
               ELSE 457
              END
              ELSE 458
             END
             ELSE 459
            END
            ELSE 460
           END
           ELSE 461
          END
          ELSE 462
         END
         ELSE 463
        END
        ELSE 464
       END
       ELSE 465
      END
      ELSE 466
     END
     ELSE 467
    END
    ELSE 468
   END
   ELSE 469
  END
  ELSE 470
 END
 ELSE 471
END
ELSE 472
                                       END
                                       ELSE 473
                                      END
                                      ELSE 474
                                     END
                                     ELSE 475
                                    END
                                    ELSE 476
                                   END
                                   ELSE 477
                                  END
                                  ELSE 478
                                 END
                                 ELSE 479
                                END
                                ELSE 480
                               END
                               ELSE 481
                              END
                              ELSE 482
                             END
                             ELSE 483
                            END
                            ELSE 484
                           END
                           ELSE 485
                          END
                          ELSE 486
                         END
                         ELSE 487
                        END
                        ELSE 488
                       END
                       ELSE 489
                      END
                      ELSE 490
                     END
                     ELSE 491
                    END
                    ELSE 492
                   END
                   ELSE 493
                  END
                  ELSE 494
                 END
                 ELSE 495
                END
                ELSE 496
               END
               ELSE 497
              END
              ELSE 498
             END
             ELSE 499
            END
            ELSE 500
           END
           ELSE 501
          END
          ELSE 502
         END
         ELSE 503
        END
        ELSE 504
       END
       ELSE 505
      END
      ELSE 506
     END
     ELSE 507
    END
    ELSE 508
   END
   ELSE 509
  END
  ELSE 510
 END
 ELSE 511
END
ELSE 512
                                       END
                                       ELSE 513
                                      END
                                      ELSE 514
                                     END
                                     ELSE 515
                                    END
                                    ELSE 516
                                   END
                                   ELSE 517
                                  END
                                  ELSE 518
                                 END
                                 ELSE 519
                                END
                                ELSE 520
                               END
                               ELSE 521
                              END
                              ELSE 522
                             END
                             ELSE 523
                            END
                            ELSE 524
                           END
                           ELSE 525
                          END
                          ELSE 526
                         END
                         ELSE 527
                        END
                        ELSE 528
                       END
                       ELSE 529
                      END
                      ELSE 530
                     END
                     ELSE 531
                    END
                    ELSE 532
                   END
                   ELSE 533
                  END
                  ELSE 534
                 END
                 ELSE 535
                END
                ELSE 536
               END
               ELSE 537
              END
              ELSE 538
             END
             ELSE 539
            END
            ELSE 540
           END
           ELSE 541
          END
          ELSE 542
         END
         ELSE 543
        END
        ELSE 544
       END
       ELSE 545
      END
      ELSE 546
     END
     ELSE 547
    END
    ELSE 548
   END
   ELSE 549
  END
  ELSE 550
 END
 ELSE 551
END
ELSE 552
                                       END
                                       ELSE 553
                                      END
                                      ELSE 554
                                     END
                                     ELSE 555
                                    END
                                    ELSE 556
                                   END
                                   ELSE 557
                                  END
                                  ELSE 558
                                 END
                                 ELSE 559
                                END
                                ELSE 560
                               END
                               ELSE 561
                              END
                              ELSE 562
                             END
                             ELSE 563
                            END
                            ELSE 564
                           END
                           ELSE 565
                          END
                          ELSE 566
                         END
                         ELSE 567
                        END
                        ELSE 568
                       END
                       ELSE 569
                      END
                      ELSE 570
                     END
                     ELSE 571
                    END
                    ELSE 572
                   END
                   ELSE 573
                  END
                  ELSE 574
                 END
                 ELSE 575
                END
                ELSE 576
               END
               ELSE 577
              END
              ELSE 578
             END
             ELSE 579
            END
            ELSE 580
           END
           ELSE 581
          END
          ELSE 582
         END
         ELSE 583
        END
        ELSE 584
       END
       ELSE 585
      END
      ELSE 586
     END
     ELSE 587
    END
    ELSE 588
   END
   ELSE 589
  END
  ELSE 590
 END
 ELSE 591
END
ELSE 592
                                       END
                                       ELSE 593
                                      END
                                      ELSE 594
                                     END
                                     ELSE 595
                                    END
                                    ELSE 596
                                   END
                                   ELSE 597
                                  END
                                  ELSE 598
                                 END
                                 ELSE 599
                                END
                                ELSE 600
                               END
                               ELSE 601
                              END
                              ELSE 602
                             END
                             ELSE 603
                            END
                            ELSE 604
                           END
                           ELSE 605
                          END
                          ELSE 606
                         END
                         ELSE 607
                        END
                        ELSE 608
                       END
                       ELSE 609
                      END
                      ELSE 610
                     END
                     ELSE 611
                    END
                    ELSE 612
                   END
                   ELSE 613
                  END
                  ELSE 614
                 END
                 ELSE 615
                END
                ELSE 616
               END
               ELSE 617
              END
              ELSE 618
             END
             ELSE 619
            END
            ELSE 620
           END
           ELSE 621
          END
          ELSE 622
         END
         ELSE 623
        END
        ELSE 624
       END
       ELSE 625
      END
      ELSE 626
     END
     ELSE 627
    END
    ELSE 628
   END
   ELSE 629
  END
  ELSE 630
 END
 ELSE 631
END
ELSE 632
                                       END
                                       ELSE 633
                                      END
                                      ELSE 634
                                     END
                                     ELSE 635
                                    END
                                    ELSE 636
                                   END
                                   ELSE 637
                                  END
                                  ELSE 638
                                 END
                                 ELSE 639
                                END
                                ELSE 640
                               END
                               ELSE 641
                              END
                              ELSE 642
                             END
                             ELSE 643
                            END
                            ELSE 644
                           END
                           ELSE 645
                          END
                          ELSE 646
                         END
                         ELSE 647
                        END
                        ELSE 648
                       END
                       ELSE 649
                      END
                      ELSE 650
                     END
                     ELSE 651
                    END
                    ELSE 652
                   END
                   ELSE 653
                  END
                  ELSE 654
                 END
                 ELSE 655
                END
                ELSE 656
               END
               ELSE 657
              END
              ELSE 658
             END
             ELSE 659
            END
            ELSE 660
           END
           ELSE 661
          END
          ELSE 662
         END
         ELSE 663
        END
        ELSE 664
       END
       ELSE 665
      END
      ELSE 666
     END
     ELSE 667
    END
    ELSE 668
   END
   ELSE 669
  END
  ELSE 670
 END
 ELSE 671
END
ELSE 672
                                       END
                                       ELSE 673
                                      END
                                      ELSE 674
                                     END
                                     ELSE 675
                                    END
                                    ELSE 676
                                   END
                                   ELSE 677
                                  END
                                  ELSE 678
                                 END
                                 ELSE 679
                                END
                                ELSE 680
                               END
                               ELSE 681
                              END
                              ELSE 682
                             END
                             ELSE 683
                            END
                            ELSE 684
                           END
                           ELSE 685
                          END
                          ELSE 686
                         END
                         ELSE 687
                        END
                        ELSE 688
                       END
                       ELSE 689
                      END
                      ELSE 690
                     END
                     ELSE 691
                    END
                    ELSE 692
                   END
                   ELSE 693
                  END
                  ELSE 694
                 END
                 ELSE 695
                END
                ELSE 696
               END
               ELSE 697
              END
              ELSE 698
             END
             ELSE 699
            END
            ELSE 700
           END
           ELSE 701
          END
          ELSE 702
         END
         ELSE 703
        END
        ELSE 704
       END
       ELSE 705
      END
      ELSE 706
     END
     ELSE 707
    END
    ELSE 708
   END
   ELSE 709
  END
  ELSE 710
 END
 ELSE 711
END
ELSE 712
                                       END
                                       ELSE 713
                                      END
                                      ELSE 714
                                     END
                                     ELSE 715
                                    END
                                    ELSE 716
                                   END
                                   ELSE 717
                                  END
                                  ELSE 718
                                 END
                                 ELSE 719
                                END
                                ELSE 720
                               END
                               ELSE 721
                              END
                              ELSE 722
                             END
                             ELSE 723
                            END
                            ELSE 724
                           END
                           ELSE 725
                          END
                          ELSE 726
                         END
                         ELSE 727
                        END
                        ELSE 728
                       END
                       ELSE 729
                      END
                      ELSE 730
                     END
                     ELSE 731
                    END
                    ELSE 732
                   END
                   ELSE 733
                  END
                  ELSE 734
                 END
                 ELSE 735
                END
                ELSE 736
               END
               ELSE 737
              END
              ELSE 738
             END
             ELSE 739
            END
            ELSE 740
           END
           ELSE 741
          END
          ELSE 742
         END
         ELSE 743
        END
        ELSE 744
       END
       ELSE 745
      END
      ELSE 746
     END
     ELSE 747
    END
    ELSE 748
   END
   ELSE 749
  END
  ELSE 750
 END
 ELSE 751
END
ELSE 752
                                       END
                                       ELSE 753
                                      END
                                      ELSE 754
                                     END
                                     ELSE 755
                                    END
                                    ELSE 756
                                   END
                                   ELSE 757
                                  END
                                  ELSE 758
                                 END
                                 ELSE 759
                                END
                                ELSE 760
                               END
                               ELSE 761
                              END
                              ELSE 762
                             END
                             ELSE 763
                            END
                            ELSE 764
                           END
                           ELSE 765
                          END
                          ELSE 766
                         END
                         ELSE 767
                        END
                        ELSE 768
                       END
                       ELSE 769
                      END
                      ELSE 770
                     END
                     ELSE 771
                    END
                    ELSE 772
                   END
                   ELSE 773
                  END
                  ELSE 774
                 END
                 ELSE 775
                END
                ELSE 776
               END
               ELSE 777
              END
              ELSE 778
             END
             ELSE 779
            END
            ELSE 780
           END
           ELSE 781
          END
          ELSE 782
         END
         ELSE 783
        END
        ELSE 784
       END
       ELSE 785
      END
      ELSE 786
     END
     ELSE 787
    END
    ELSE 788
   END
   ELSE 789
  END
  ELSE 790
 END
 ELSE 791
END
ELSE 792
                                       END
                                       ELSE 793
                                      END
                                      ELSE 794
                                     END
                                     ELSE 795
                                    END
                                    ELSE 796
                                   END
                                   ELSE 797
                                  END
                                  ELSE 798
                                 END
                                 ELSE 799
                                END
                                ELSE 800
                               END
                               ELSE 801
                              END
                              ELSE 802
                             END
                             ELSE 803
                            END
                            ELSE 804
                           END
                           ELSE 805
                          END
                          ELSE 806
                         END
                         ELSE 807
                        END
                        ELSE 808
                       END
                       ELSE 809
                      END
                      ELSE 810
                     END
                     ELSE 811
                    END
                    ELSE 812
                   END
                   ELSE 813
                  END
                  ELSE 814
                 END
                 ELSE 815
                END
                ELSE 816
               END
               ELSE 817
              END
              ELSE 818
             END
             ELSE 819
            END
            ELSE 820
           END
           ELSE 821
          END
          ELSE 822
         END
         ELSE 823
        END
        ELSE 824
       END
       ELSE 825
      END
      ELSE 826
     END
     ELSE 827
    END
    ELSE 828
   END
   ELSE 829
  END
  ELSE 830
 END
 ELSE 831
END
ELSE 832
                                       END
                                       ELSE 833
                                      END
                                      ELSE 834
                                     END
                                     ELSE 835
                                    END
                                    ELSE 836
                                   END
                                   ELSE 837
                                  END
                                  ELSE 838
                                 END
                                 ELSE 839
                                END
                                ELSE 840
                               END
                               ELSE 841
                              END
                              ELSE 842
                             END
                             ELSE 843
                            END
                            ELSE 844
                           END
                           ELSE 845
                          END
                          ELSE 846
                         END
                         ELSE 847
                        END
                        ELSE 848
                       END
                       ELSE 849
                      END
                      ELSE 850
                     END
                     ELSE 851
                    END
                    ELSE 852
                   END
                   ELSE 853
                  END
                  ELSE 854
                 END
                 ELSE 855
                END
                ELSE 856
               END
               ELSE 857
              END
              ELSE 858
             END
             ELSE 859
            END
            ELSE 860
           END
           ELSE 861
          END
          ELSE 862
         END
         ELSE 863
        END
        ELSE 864
       END
       ELSE 865
      END
      ELSE 866
     END
     ELSE 867
    END
    ELSE 868
   END
   ELSE 869
  END
  ELSE 870
 END
 ELSE 871
END
ELSE 872
                                       END
                                       ELSE 873
                                      END
                                      ELSE 874
                                     END
                                     ELSE 875
                                    END
                                    ELSE 876
                                   END
                                   ELSE 877
                                  END
                                  ELSE 878
                                 END
                                 ELSE 879
                                END
                                ELSE 880
                               END
                               ELSE 881
                              END
                              ELSE 882
                             END
                             ELSE 883
                            END
                            ELSE 884
                           END
                           ELSE 885
                          END
                          ELSE 886
                         END
                         ELSE 887
                        END
                        ELSE 888
                       END
                       ELSE 889
                      END
                      ELSE 890
                     END
                     ELSE 891
                    END
                    ELSE 892
                   END
                   ELSE 893
                  END
                  ELSE 894
                 END
                 ELSE 895
                END
                ELSE 896
               END
               ELSE 897
              END
              ELSE 898
             END
             ELSE 899
            END
            ELSE 900
           END
           ELSE 901
          END
          ELSE 902
         END
         ELSE 903
        END
        ELSE 904
       END
       ELSE 905
      END
      ELSE 906
     END
     ELSE 907
    END
    ELSE 908
   END
   ELSE 909
  END
  ELSE 910
 END
 ELSE 911
END
ELSE 912
                                       END
                                       ELSE 913
                                      END
                                      ELSE 914
                                     END
                                     ELSE 915
                                    END
                                    ELSE 916
                                   END
                                   ELSE 917
                                  END
                                  ELSE 918
                                 END
                                 ELSE 919
                                END
                                ELSE 920
                               END
                               ELSE 921
                              END
                              ELSE 922
                             END
                             ELSE 923
                            END
                            ELSE 924
                           END
                           ELSE 925
                          END
                          ELSE 926
                         END
                         ELSE 927
                        END
                        ELSE 928
                       END
                       ELSE 929
                      END
                      ELSE 930
                     END
                     ELSE 931
                    END
                    ELSE 932
                   END
                   ELSE 933
                  END
                  ELSE 934
                 END
                 ELSE 935
                END
                ELSE 936
               END
               ELSE 937
              END
              ELSE 938
             END
             ELSE 939
            END
            ELSE 940
           END
           ELSE 941
          END
          ELSE 942
         END
         ELSE 943
        END
        ELSE 944
       END
       ELSE 945
      END
      ELSE 946
     END
     ELSE 947
    END
    ELSE 948
   END
   ELSE 949
  END
  ELSE 950
 END
 ELSE 951
END
ELSE 952
                                       END
                                       ELSE 953
                                      END
                                      ELSE 954
                                     END
                                     ELSE 955
                                    END
                                    ELSE 956
                                   END
                                   ELSE 957
                                  END
                                  ELSE 958
                                 END
                                 ELSE 959
                                END
                                ELSE 960
                               END
                               ELSE 961
                              END
                              ELSE 962
                             END
                             ELSE 963
                            END
                            ELSE 964
                           END
                           ELSE 965
                          END
                          ELSE 966
                         END
                         ELSE 967
                        END
                        ELSE 968
                       END
                       ELSE 969
                      END
                      ELSE 970
                     END
                     ELSE 971
                    END
                    ELSE 972
                   END
                   ELSE 973
                  END
                  ELSE 974
                 END
                 ELSE 975
                END
                ELSE 976
               END
               ELSE 977
              END
              ELSE 978
             END
             ELSE 979
            END
            ELSE 980
           END
           ELSE 981
          END
          ELSE 982
         END
         ELSE 983
        END
        ELSE 984
       END
       ELSE 985
      END
      ELSE 986
     END
     ELSE 987
    END
    ELSE 988
   END
   ELSE 989
  END
  ELSE 990
 END
 ELSE 991
END
ELSE 992
                                    END
                                    ELSE 993
                                END
                                ELSE 994
                            END
                            ELSE 995
                        END
                        ELSE 996
                    END
                    ELSE 997
                END
                ELSE 998
            END
            ELSE 999
        END AS level
   FROM public.levels;


--
-- PostgreSQL database dump complete
--

\unrestrict r3L0SfbIhAuEm6hBeMun5BIOjFsHbMY8qIaRhDpxHu4d1TgtrryEf3sDXX6eYEb

