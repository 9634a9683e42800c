window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1500000000000000001"
          ],
          "editableUntil" : "2022-10-19T20:37:25.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "entities" : {
        "hashtags" : [
          {
            "text" : "rstats",
            "indices" : [
              "20",
              "27"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "27"
      ],
      "favorite_count" : "3",
      "id_str" : "1500000000000000001",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1500000000000000001",
      "created_at" : "Wed Oct 19 20:07:25 +0000 2022",
      "favorited" : false,
      "full_text" : "Slides from my talk #rstats",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "entities" : {
        "hashtags" : [
          {
            "text" : "rstats",
            "indices" : [
              "24",
              "31"
            ]
          },
          {
            "text" : "chifoo",
            "indices" : [
              "32",
              "39"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Ben",
            "screen_name" : "ben",
            "indices" : [
              "3",
              "7"
            ],
            "id_str" : "2",
            "id" : "2"
          }
        ],
        "urls" : [ ]
      },
      "favorite_count" : "0",
      "id_str" : "1500000000000000002",
      "retweet_count" : "0",
      "id" : "1500000000000000002",
      "created_at" : "Thu Oct 20 08:00:00 +0000 2022",
      "full_text" : "RT @ben: Meetup tonight #rstats #chifoo",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Ben",
            "screen_name" : "ben",
            "indices" : [
              "0",
              "4"
            ],
            "id_str" : "2",
            "id" : "2"
          }
        ],
        "urls" : [ ]
      },
      "in_reply_to_status_id_str" : "1400000000000000009",
      "in_reply_to_user_id" : "2",
      "in_reply_to_status_id" : "1400000000000000009",
      "in_reply_to_screen_name" : "ben",
      "id_str" : "1500000000000000003",
      "id" : "1500000000000000003",
      "created_at" : "Thu Oct 20 09:00:00 +0000 2022",
      "full_text" : "@ben see you there",
      "lang" : "en"
    }
  },
  {
    "like" : {
      "tweetId" : "1400000000000000001",
      "fullText" : "A tweet someone else wrote"
    }
  }
]
